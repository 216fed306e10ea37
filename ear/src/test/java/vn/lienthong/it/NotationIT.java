package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Numbers and notations as Decree 30/2020/NĐ-CP writes them (art. 15, Annex I): a ward committee's
 * decision is NN/QĐ-UBND, a công văn names the division that drafted it, NN/UBND-VP.
 */
class NotationIT {
  private final Api api = TestServer.api();

  @Test
  void theDirectoryTellsTheOrgansAbbreviationFromTheShortNameAndListsDivisions() {
    JsonObject ward = unit("000.26.31.H17");
    assertThat(ward.getString("notation")).isEqualTo("UBND");
    assertThat(ward.getString("shortName")).isEqualTo("Thạc Gián");
    assertThat(ward.getJsonArray("divisions").stream().map(JsonValue::asJsonObject))
        .anySatisfy(d -> assertThat(d.getString("abbreviation")).isEqualTo("VP"));
    assertThat(unit("000.03.31.H17").getString("notation")).isEqualTo("QLĐT");
  }

  @Test
  void aWardsDecisionIsNumberedForItsCommitteeAndACongVanForItsDraftingDivision() throws Exception {
    // Tân Chính issues nothing anywhere else in the suite: its register starts at 01
    UUID decision = create("vanthu.tanchinh", "QUYET_DINH", null);
    api.signAndIssue("vanthu.tanchinh", decision);
    assertThat(notation("vanthu.tanchinh", decision)).isEqualTo("01/QĐ-UBND");

    UUID letter = create("vanthu.tanchinh", "CONG_VAN", "VP");
    assertThat(
            api.get("vanthu.tanchinh", "api/v1/documents/" + letter)
                .json()
                .getString("draftingDivision"))
        .isEqualTo("VP");
    api.signAndIssue("vanthu.tanchinh", letter);
    assertThat(notation("vanthu.tanchinh", letter)).isEqualTo("02/UBND-VP");

    UUID own = create("vanthu.tanchinh", "CONG_VAN", null);
    api.signAndIssue("vanthu.tanchinh", own);
    assertThat(notation("vanthu.tanchinh", own)).isEqualTo("03/UBND");
  }

  @Test
  void aDivisionTheUnitDoesNotHaveIsRefusedAndNothingIsStored() throws Exception {
    HttpResponse<String> r = post("vanthu.tanchinh", metadata("CONG_VAN", "QLĐT"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonObject problem = Json.createReader(new java.io.StringReader(r.body())).readObject();
    assertThat(problem.getJsonObject("errors").getString("division")).contains("QLĐT");
  }

  @Test
  void theLocationOfACreatedDocumentIsItsAddress() throws Exception {
    HttpResponse<String> r = post("vanthu.tanchinh", metadata("CONG_VAN", null));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = Json.createReader(new java.io.StringReader(r.body())).readObject().getString("id");
    assertThat(r.headers().firstValue("Location"))
        .contains(api.base().resolve("api/v1/documents/" + id).toString());
  }

  private JsonObject unit(String code) {
    return api.get("chuyenvien.thacgian", "api/v1/units").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(u -> u.getString("code").equals(code))
        .findFirst()
        .orElseThrow();
  }

  private String notation(String user, UUID id) {
    return api.get(user, "api/v1/documents/" + id).json().getString("notation");
  }

  private UUID create(String user, String type, String division) throws Exception {
    HttpResponse<String> r = post(user, metadata(type, division));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return UUID.fromString(
        Json.createReader(new java.io.StringReader(r.body())).readObject().getString("id"));
  }

  private static String metadata(String type, String division) {
    var b = Json.createObjectBuilder().add("type", type).add("abstract", "Về việc thử số hiệu");
    if (division != null) {
      b.add("division", division);
    }
    return b.build().toString();
  }

  private HttpResponse<String> post(String user, String metadata) throws Exception {
    Api.Multipart m = new Api.Multipart();
    m.part("metadata", null, "application/json", metadata.getBytes(StandardCharsets.UTF_8));
    m.part("file", "cv.pdf", "application/pdf", TestPdf.of(3_000, "So hieu"));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(api.base().resolve("api/v1/documents"))
                .header("Authorization", Api.auth(user))
                .header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.bytes()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
