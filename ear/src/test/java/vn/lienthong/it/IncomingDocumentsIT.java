package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a recipient unit does with an incoming document, Decree 30/2020/NĐ-CP art. 20–24, through
 * the API: register (03) with the next incoming number, assign (04), in progress (05), done (06),
 * or reject with a reason (02); the sender's recall (13, answered 15 or 16), update and replace;
 * each step in the sender's trace. Tam Thuận sends; Thanh Khê Đông and Thanh Khê Tây receive (no
 * other test uses them, so their registers are this test's own).
 */
class IncomingDocumentsIT {
  static final String SENDER = "vanthu.tamthuan";
  static final String DONG = "000.27.31.H17";
  static final String TAY = "000.28.31.H17";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final Api api = TestServer.api();

  @Test
  void theWholeCycleFlowsBackToTheSender() {
    UUID doc = sent("Về việc kiểm tra công tác văn thư năm 2026", List.of(DONG));
    String delivery = arrived("vanthu.thanhkhedong", doc);

    JsonObject registered = post("vanthu.thanhkhedong", delivery, "register", "");
    assertThat(registered.getString("status")).isEqualTo("REGISTERED");
    assertThat(registered.getString("statusCode")).isEqualTo("03");
    int number = registered.getInt("incomingNumber");
    assertThat(number).isPositive();
    assertThat(registered.getString("registeredBy")).isEqualTo("vanthu.thanhkhedong");
    assertStatus(postRaw("vanthu.thanhkhedong", delivery, "register", ""), 409);

    LocalDate deadline = LocalDate.now(VIETNAM).plusDays(7);
    String assignment =
        Json.createObjectBuilder()
            .add("handler", "chuyenvien.thanhkhedong")
            .add("deadline", deadline.toString())
            .build()
            .toString();
    // the clerk does not assign, and a handler of another unit is no handler
    assertStatus(postRaw("vanthu.thanhkhedong", delivery, "assign", assignment), 403);
    assertStatus(
        postRaw(
            "lanhdao.thanhkhedong",
            delivery,
            "assign",
            "{\"handler\": \"chuyenvien.thacgian\", \"deadline\": \"" + deadline + "\"}"),
        400);
    JsonObject assigned = post("lanhdao.thanhkhedong", delivery, "assign", assignment);
    assertThat(assigned.getString("statusCode")).isEqualTo("04");
    assertThat(assigned.getString("handler")).isEqualTo("chuyenvien.thanhkhedong");
    assertThat(assigned.getString("deadline")).isEqualTo(deadline.toString());
    assertThat(assigned.getBoolean("overdue")).isFalse();

    // only the handler (or the leader) works on it once it is assigned
    assertStatus(postRaw("vanthu.thanhkhedong", delivery, "progress", ""), 403);
    assertThat(post("chuyenvien.thanhkhedong", delivery, "progress", "").getString("statusCode"))
        .isEqualTo("05");
    UUID answer = api.draft("vanthu.thanhkhedong", TestPdf.of(1_000, "Tra loi"));
    JsonObject done =
        post("chuyenvien.thanhkhedong", delivery, "done", "{\"answer\": \"" + answer + "\"}");
    assertThat(done.getString("statusCode")).isEqualTo("06");
    assertThat(done.getString("answerDocumentId")).isEqualTo(answer.toString());
    assertStatus(postRaw("chuyenvien.thanhkhedong", delivery, "done", ""), 409);
    assertStatus(postRaw("chuyenvien.thanhkhedong", delivery, "progress", ""), 409);

    JsonObject recipient = traceOf(doc, DONG);
    assertThat(recipient.getString("statusCode")).isEqualTo("06");
    assertThat(recipient.getInt("incomingNumber")).isEqualTo(number);
    assertThat(recipient.getString("handler")).isEqualTo("chuyenvien.thanhkhedong");
    assertThat(codes(recipient)).containsExactly(null, "01", "03", "04", "05", "06");
    assertThat(
            recipient.getJsonArray("history").stream()
                .map(JsonValue::asJsonObject)
                .map(s -> optional(s, "actor")))
        .containsExactly(
            null,
            null,
            "vanthu.thanhkhedong",
            "lanhdao.thanhkhedong",
            "chuyenvien.thanhkhedong",
            "chuyenvien.thanhkhedong");

    // the incoming register lists it under its number, with the register's columns
    int year = LocalDate.now(VIETNAM).getYear();
    JsonObject row =
        api.get(
                "vanthu.thanhkhedong",
                "api/v1/registers/incoming?year=" + year + "&after=" + (number - 1) + "&limit=1")
            .array()
            .getJsonObject(0);
    assertThat(row.getInt("incomingNumber")).isEqualTo(number);
    assertThat(row.getString("documentId")).isEqualTo(doc.toString());
    assertThat(row.getString("senderName")).contains("Tam Thuận");
    assertThat(row.getString("notation")).endsWith("/UBND");
    assertThat(row.getString("abstract")).isEqualTo("Về việc kiểm tra công tác văn thư năm 2026");
    assertThat(row.getString("registeredAt")).isNotBlank();
  }

  @Test
  void aRejectionNeedsAReasonAndTheSenderSeesIt() {
    UUID doc = sent("Về việc đề nghị hỗ trợ kinh phí", List.of(TAY));
    String delivery = arrived("vanthu.thanhkhetay", doc);
    Api.Answer noReason = postRaw("vanthu.thanhkhetay", delivery, "reject", "{\"reason\": \" \"}");
    assertStatus(noReason, 400);
    assertThat(noReason.json().getJsonObject("errors").getString("reason")).contains("lý do");
    assertThat(view("vanthu.thanhkhetay", delivery).getString("status")).isEqualTo("ARRIVED");

    JsonObject rejected =
        post(
            "vanthu.thanhkhetay",
            delivery,
            "reject",
            "{\"reason\": \"Không thuộc thẩm quyền giải quyết của phường\"}");
    assertThat(rejected.getString("statusCode")).isEqualTo("02");
    assertStatus(postRaw("vanthu.thanhkhetay", delivery, "register", ""), 409);

    JsonObject recipient = traceOf(doc, TAY);
    assertThat(recipient.getString("statusCode")).isEqualTo("02");
    assertThat(recipient.getString("rejectionReason"))
        .isEqualTo("Không thuộc thẩm quyền giải quyết của phường");
  }

  @Test
  void parallelRegistrationsTakeConsecutiveNumbersAndARefusedOneTakesNone() throws Exception {
    int n = 10;
    List<String> deliveries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      deliveries.add(arrived("vanthu.thanhkhetay", sent("Về việc số " + i, List.of(TAY))));
    }
    String refused = deliveries.remove(n - 1);
    // a deadline in the past is refused before any number is taken
    assertStatus(
        postRaw("vanthu.thanhkhetay", refused, "register", "{\"deadline\": \"2020-01-01\"}"), 400);

    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<JsonObject>> answers = new ArrayList<>();
    try {
      for (String d : deliveries) {
        answers.add(pool.submit(() -> post("vanthu.thanhkhetay", d, "register", "")));
      }
      Set<Integer> numbers = new HashSet<>();
      for (Future<JsonObject> a : answers) {
        numbers.add(a.get().getInt("incomingNumber"));
      }
      assertThat(numbers).hasSize(n - 1);
      int min = numbers.stream().mapToInt(Integer::intValue).min().orElseThrow();
      int max = numbers.stream().mapToInt(Integer::intValue).max().orElseThrow();
      assertThat(max - min).as("no gaps").isEqualTo(n - 2);
      // the refused one took nothing: registered now, it gets the next number
      assertThat(post("vanthu.thanhkhetay", refused, "register", "").getInt("incomingNumber"))
          .isEqualTo(max + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRecallAcceptedLeavesTheInboxAndARecallRefusedStays() {
    UUID doc = sent("Về việc tổ chức hội nghị (gửi nhầm)", List.of(DONG, TAY));
    String dong = arrived("vanthu.thanhkhedong", doc);
    String tay = arrived("vanthu.thanhkhetay", doc);
    post("vanthu.thanhkhetay", tay, "register", "");

    assertStatus(
        api.postJson(SENDER, "api/v1/documents/" + doc + "/recall", "{\"reason\": \"\"}"), 400);
    // nothing to answer before the sender asks
    assertStatus(postRaw("vanthu.thanhkhedong", dong, "recall/accept", ""), 409);
    Api.Answer recall =
        api.postJson(
            SENDER, "api/v1/documents/" + doc + "/recall", "{\"reason\": \"Gửi nhầm đơn vị\"}");
    assertStatus(recall, 200);
    assertThat(view("vanthu.thanhkhedong", dong).getString("recall")).isEqualTo("REQUESTED");
    assertThat(view("vanthu.thanhkhedong", dong).getString("recallReason"))
        .isEqualTo("Gửi nhầm đơn vị");

    JsonObject accepted = post("vanthu.thanhkhedong", dong, "recall/accept", "");
    assertThat(accepted.getString("status")).isEqualTo("RECALLED");
    assertThat(accepted.getString("statusCode")).isEqualTo("15");
    assertThat(Inboxes.entryOrNull(api, "vanthu.thanhkhedong", doc))
        .as("out of the inbox")
        .isNull();
    assertThat(
            api
                .get("vanthu.thanhkhedong", "api/v1/inbox?status=RECALLED&limit=5000")
                .array()
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.getString("id").equals(dong)))
        .as("kept for the record")
        .hasSize(1);
    assertStatus(postRaw("vanthu.thanhkhedong", dong, "register", ""), 409);

    assertStatus(postRaw("vanthu.thanhkhetay", tay, "recall/refuse", "{}"), 400);
    JsonObject refused =
        post(
            "vanthu.thanhkhetay",
            tay,
            "recall/refuse",
            "{\"reason\": \"Văn bản đã được phân công xử lý\"}");
    assertThat(refused.getString("status")).isEqualTo("REGISTERED");
    assertThat(refused.getString("recall")).isEqualTo("REFUSED");
    assertThat(Inboxes.entryOrNull(api, "vanthu.thanhkhetay", doc)).isNotNull();

    assertThat(codes(traceOf(doc, DONG))).containsSubsequence("01", "13", "15");
    JsonObject tayTrace = traceOf(doc, TAY);
    assertThat(codes(tayTrace)).containsSubsequence("01", "03", "13", "16");
    assertThat(tayTrace.getString("recallAnswer")).isEqualTo("Văn bản đã được phân công xử lý");
  }

  @Test
  void anUpdateAndAReplacementReachTheRecipients() {
    UUID old = sent("Về việc lịch tiếp công dân tháng 12", List.of(DONG));
    String delivery = arrived("vanthu.thanhkhedong", old);

    Api.Answer patched =
        api.patchJson(
            SENDER,
            "api/v1/documents/" + old,
            Json.createObjectBuilder()
                .add("abstract", "Về việc lịch tiếp công dân tháng 12 năm 2026")
                .add("urgency", "FLASH")
                .build());
    assertStatus(patched, 200);
    JsonObject entry = view("vanthu.thanhkhedong", delivery);
    assertThat(entry.getString("abstract"))
        .isEqualTo("Về việc lịch tiếp công dân tháng 12 năm 2026");
    assertThat(entry.getString("urgency")).isEqualTo("FLASH");
    assertThat(steps(traceOf(old, DONG)))
        .anySatisfy(
            s -> {
              assertThat(s.getString("kind")).isEqualTo("UPDATED");
              assertThat(s.getString("note")).contains("Hỏa tốc");
            });
    // a hỏa tốc document heads the inbox
    JsonObject first =
        api.get("vanthu.thanhkhedong", "api/v1/inbox?limit=1").array().getJsonObject(0);
    assertThat(first.getString("urgency")).isEqualTo("FLASH");
    assertStatus(
        api.patchJson(
            SENDER,
            "api/v1/documents/" + old,
            Json.createObjectBuilder().add("urgency", "rất gấp").build()),
        400);

    UUID replacement = api.issued(SENDER, TestPdf.of(2_000, "Thay the"));
    Api.Answer sent =
        api.postJson(
            SENDER,
            "api/v1/documents/" + replacement + "/send",
            Json.createObjectBuilder()
                .add("recipients", Json.createArrayBuilder().add(DONG))
                .add("replaces", old.toString())
                .build());
    assertStatus(sent, 202);
    assertThat(api.get(SENDER, "api/v1/documents/" + old).json().getString("replacedBy"))
        .isEqualTo(replacement.toString());
    arrived("vanthu.thanhkhedong", replacement);
    assertThat(
            api.get("vanthu.thanhkhedong", "api/v1/documents/" + replacement)
                .json()
                .getString("replaces"))
        .isEqualTo(old.toString());
    assertThat(steps(traceOf(old, DONG)))
        .anySatisfy(s -> assertThat(s.getString("kind")).isEqualTo("REPLACED"));

    // replaced once: a second replacement of the same document is refused
    UUID another = api.issued(SENDER, TestPdf.of(2_000, "Thay lan hai"));
    Api.Answer again =
        api.postJson(
            SENDER,
            "api/v1/documents/" + another + "/send",
            Json.createObjectBuilder()
                .add("recipients", Json.createArrayBuilder().add(DONG))
                .add("replaces", old.toString())
                .build());
    assertStatus(again, 409);
    assertThat(api.get(SENDER, "api/v1/documents/" + another).json().getString("status"))
        .as("nothing sent")
        .isEqualTo("ISSUED");
  }

  @Test
  void theInboxIsReadPageByPageFromACursorMostUrgentFirst() {
    UUID flash = sent("Về việc phòng chống bão số 15", List.of(TAY));
    api.patchJson(
        SENDER,
        "api/v1/documents/" + flash,
        Json.createObjectBuilder().add("urgency", "hỏa tốc").build());
    arrived("vanthu.thanhkhetay", flash);
    sent("Về việc thường lệ", List.of(TAY));
    arrived("vanthu.thanhkhetay", sent("Về việc thường lệ 2", List.of(TAY)));

    List<String> ids = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    String path = "api/v1/inbox?limit=2";
    Api.Answer page;
    do {
      page = api.get("vanthu.thanhkhetay", path);
      assertStatus(page, 200);
      for (JsonValue v : page.array()) {
        ids.add(v.asJsonObject().getString("id"));
        ranks.add(rank(v.asJsonObject().getString("urgency")));
      }
      path = "api/v1/inbox?limit=2&after=" + page.next();
    } while (page.next() != null);
    // the counts are kept by the database as statuses change; the pages must agree with them
    JsonObject counts = api.get("vanthu.thanhkhetay", "api/v1/inbox/counts").json();
    long total =
        counts.entrySet().stream()
            .filter(e -> !e.getKey().equals("RECALLED"))
            .mapToLong(e -> ((jakarta.json.JsonNumber) e.getValue()).longValue())
            .sum();
    assertThat(new HashSet<>(ids)).as("no entry twice").hasSize(ids.size());
    assertThat(ids).hasSize((int) total);
    for (int i = 1; i < ranks.size(); i++) {
      assertThat(ranks.get(i))
          .as("urgency never rises down the pages")
          .isLessThanOrEqualTo(ranks.get(i - 1));
    }
    assertThat(ranks.get(0)).isEqualTo(3);

    assertStatus(api.get("vanthu.thanhkhetay", "api/v1/inbox?after=not-a-cursor"), 400);
    assertStatus(api.get("vanthu.thanhkhetay", "api/v1/inbox?offset=100"), 400);
    assertStatus(api.get("vanthu.thanhkhetay", "api/v1/inbox?status=99"), 400);
    assertThat(api.get("vanthu.thanhkhetay", "api/v1/inbox?status=01&urgency=FLASH").array())
        .extracting(v -> v.asJsonObject().getString("documentId"))
        .containsExactly(flash.toString());
  }

  @Test
  void deadlinesCountWorkingDaysAndLateDocumentsAreFlaggedAtBothEnds() throws Exception {
    UUID doc = sent("Về việc báo cáo số liệu quý IV", List.of(TAY));
    String delivery = arrived("vanthu.thanhkhetay", doc);
    JsonObject registered =
        post("vanthu.thanhkhetay", delivery, "register", "{\"workingDays\": 5}");
    LocalDate today = LocalDate.now(VIETNAM);
    assertThat(registered.getString("deadline"))
        .isEqualTo(
            vn.lienthong.domain.calendar.WorkingCalendar.vietnam()
                .addWorkingDays(today, 5)
                .toString());
    assertStatus(
        postRaw(
            "lanhdao.thanhkhetay",
            delivery,
            "assign",
            "{\"handler\": \"chuyenvien.thanhkhetay\", \"workingDays\": 0}"),
        400);
    assertStatus(
        postRaw(
            "lanhdao.thanhkhetay",
            delivery,
            "assign",
            "{\"handler\": \"chuyenvien.thanhkhetay\", \"workingDays\": 3,"
                + " \"deadline\": \"2030-01-01\"}"),
        400);

    // time passes: the deadline was yesterday
    try (var c = TestServer.db();
        var s = c.prepareStatement("UPDATE delivery SET deadline = ? WHERE id = ?")) {
      s.setObject(1, today.minusDays(1));
      s.setObject(2, UUID.fromString(delivery));
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
    assertThat(view("vanthu.thanhkhetay", delivery).getBoolean("overdue")).isTrue();
    assertThat(
            api.get("vanthu.thanhkhetay", "api/v1/inbox?overdue=true&limit=500").array().stream()
                .map(v -> v.asJsonObject().getString("id")))
        .contains(delivery);
    assertThat(traceOf(doc, TAY).getBoolean("overdue")).isTrue();
    // done is no longer overdue
    post("lanhdao.thanhkhetay", delivery, "done", "");
    assertThat(view("vanthu.thanhkhetay", delivery).getBoolean("overdue")).isFalse();

    // a document left unregistered for two weeks is flagged at the sender
    UUID waiting = sent("Về việc chưa vào sổ", List.of(TAY));
    String waitingDelivery = arrived("vanthu.thanhkhetay", waiting);
    assertThat(traceOf(waiting, TAY).getBoolean("unregisteredTooLong")).isFalse();
    try (var c = TestServer.db();
        var s =
            c.prepareStatement(
                "UPDATE delivery SET arrived_at = arrived_at - interval '14 days' WHERE id = ?")) {
      s.setObject(1, UUID.fromString(waitingDelivery));
      s.executeUpdate();
    }
    assertThat(traceOf(waiting, TAY).getBoolean("unregisteredTooLong")).isTrue();
  }

  @Test
  void theInboxIsSearchedWithOrWithoutDiacritics() {
    UUID doc =
        sent("Quyết định phê duyệt phương án phòng cháy chữa cháy khu dân cư", List.of(DONG));
    arrived("vanthu.thanhkhedong", doc);
    String notation = api.get(SENDER, "api/v1/documents/" + doc).json().getString("notation");
    for (String q :
        List.of(
            "quyet dinh phong chay chua chay", "Phòng cháy", "PHUONG AN", notation, "Tam Thuận")) {
      assertThat(search("vanthu.thanhkhedong", q)).as("search for " + q).contains(doc.toString());
    }
    assertThat(search("vanthu.thanhkhedong", "đường giao thông nông thôn"))
        .doesNotContain(doc.toString());
    // only what the unit received: another unit's search does not find it, whether the words
    // find few documents (the page is read among them) or many (more than the suite's threshold
    // of 3: every document of Tam Thuận; the inbox is walked)
    assertThat(search("vanthu.thanhkhetay", "phong chay chua chay khu dan cu"))
        .doesNotContain(doc.toString());
    List<String> atTay = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      UUID other = sent("Về việc tìm kiếm " + i, List.of(TAY));
      arrived("vanthu.thanhkhetay", other);
      atTay.add(other.toString());
    }
    List<String> walked = search("vanthu.thanhkhetay", "Tam Thuan");
    assertThat(walked).doesNotContain(doc.toString()).containsAll(atTay);
    assertThat(search("vanthu.thanhkhedong", "Tam Thuan")).contains(doc.toString());
    // a page the newest entries fill is found among them, without the index
    assertThat(
            api.get("vanthu.thanhkhetay", "api/v1/inbox?limit=1&q=tim+kiem").array().stream()
                .map(v -> v.asJsonObject().getString("documentId")))
        .containsExactly(atTay.get(3));
    assertStatus(api.get("vanthu.thanhkhedong", "api/v1/inbox?q=" + "x".repeat(201)), 400);
  }

  private List<String> search(String user, String q) {
    Api.Answer a =
        api.get(
            user,
            "api/v1/inbox?limit=500&q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
    assertStatus(a, 200);
    return a.array().stream().map(v -> v.asJsonObject().getString("documentId")).toList();
  }

  @Test
  void badBodiesAreRefusedWithTheFieldAndChangeNothing() {
    UUID doc = sent("Về việc kiểm tra đầu vào", List.of(DONG));
    String delivery = arrived("vanthu.thanhkhedong", doc);
    for (String body :
        List.of(
            "{not json",
            "[]",
            "{\"deadline\": \"ngày mai\"}",
            "{\"deadline\": 20261231}",
            "{\"workingDays\": 1e30}",
            "{\"workingDays\": 2.5}",
            "{\"workingDays\": 400}")) {
      Api.Answer a = postRaw("vanthu.thanhkhedong", delivery, "register", body);
      assertStatus(a, 400);
      assertThat(a.json().getString("title")).isNotBlank();
    }
    assertStatus(
        postRaw("vanthu.thanhkhedong", delivery, "done", "{\"answer\": \"not-a-uuid\"}"), 400);
    assertStatus(
        postRaw(
            "vanthu.thanhkhedong", delivery, "done", "{\"answer\": \"" + UUID.randomUUID() + "\"}"),
        400);
    assertStatus(
        api.patchJson(
            SENDER,
            "api/v1/documents/" + doc,
            Json.createObjectBuilder().add("dueDate", "31/12/2026").add("abstract", " ").build()),
        400);
    JsonObject unchanged = view("vanthu.thanhkhedong", delivery);
    assertThat(unchanged.getString("status")).isEqualTo("ARRIVED");
    assertThat(unchanged.containsKey("incomingNumber")).isFalse();
    assertThat(unchanged.getString("abstract")).isEqualTo("Về việc kiểm tra đầu vào");
    assertThat(codes(traceOf(doc, DONG))).containsExactly(null, "01");
  }

  @Test
  void anotherUnitNeitherSeesNorHandlesTheDelivery() {
    UUID doc = sent("Về việc riêng của Thanh Khê Đông", List.of(DONG));
    String delivery = arrived("vanthu.thanhkhedong", doc);
    assertStatus(api.get("vanthu.thanhkhetay", "api/v1/deliveries/" + delivery), 404);
    assertStatus(postRaw("vanthu.thanhkhetay", delivery, "register", ""), 404);
    assertStatus(postRaw("lanhdao.thanhkhetay", delivery, "reject", "{\"reason\": \"x\"}"), 404);
    assertThat(view("vanthu.thanhkhedong", delivery).getString("status")).isEqualTo("ARRIVED");
  }

  private static int rank(String urgency) {
    return switch (urgency) {
      case "FLASH" -> 3;
      case "VERY_URGENT" -> 2;
      case "URGENT" -> 1;
      default -> 0;
    };
  }

  /** Issued and sent by Tam Thuận to the units; returns the document. */
  private UUID sent(String abstractText, List<String> recipients) {
    Api.Answer created =
        api.createDocument(
            SENDER,
            Api.metadata("CONG_VAN", abstractText, "NORMAL"),
            TestPdf.of(2_000, "Cong van"),
            "cv.pdf");
    assertStatus(created, 201);
    UUID id = UUID.fromString(created.json().getString("id"));
    api.signAndIssue(SENDER, id);
    assertStatus(api.send(SENDER, id, recipients), 202);
    return id;
  }

  /** Waits for the document in the user's unit's inbox; returns its delivery id. */
  private String arrived(String user, UUID document) {
    return Await.value(
            Duration.ofSeconds(60),
            document + " in the inbox of " + user,
            () -> Inboxes.entryOrNull(api, user, document))
        .getString("id");
  }

  private JsonObject view(String user, String delivery) {
    Api.Answer a = api.get(user, "api/v1/deliveries/" + delivery);
    assertStatus(a, 200);
    return a.json();
  }

  private Api.Answer postRaw(String user, String delivery, String step, String body) {
    return api.postJson(user, "api/v1/deliveries/" + delivery + "/" + step, body);
  }

  private JsonObject post(String user, String delivery, String step, String body) {
    Api.Answer a = postRaw(user, delivery, step, body);
    assertStatus(a, 200);
    return a.json();
  }

  private JsonObject traceOf(UUID doc, String unit) {
    return api
        .get(SENDER, "api/v1/documents/" + doc + "/trace")
        .json()
        .getJsonArray("recipients")
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(r -> r.getString("code").equals(unit))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonObject> steps(JsonObject recipient) {
    return recipient.getJsonArray("history").stream().map(JsonValue::asJsonObject).toList();
  }

  private static List<String> codes(JsonObject recipient) {
    return steps(recipient).stream().map(s -> optional(s, "code")).toList();
  }

  /** A string field, or null when it is absent (JSON-B leaves nulls out) or null. */
  private static String optional(JsonObject o, String name) {
    return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
  }

  private static void assertStatus(Api.Answer a, int status) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    if (status >= 400) {
      assertThat(a.isProblem()).as("problem+json").isTrue();
    }
  }
}
