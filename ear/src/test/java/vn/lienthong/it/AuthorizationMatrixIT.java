package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix (issue 10), {@code authorization-matrix.txt}: every operation of the
 * OpenAPI document called as anonymous, as each role of the owning unit and as a user of another
 * unit, each answer checked against the matrix. An operation the matrix does not list fails the
 * test, so a new endpoint comes with its row.
 */
class AuthorizationMatrixIT {
  static final String MATRIX = "/authorization-matrix.txt";

  /** The matrix's caller columns, in order. */
  static final List<String> COLUMNS = List.of("anonymous", "ADMIN", "CLERK", "LEADER", "OFFICER");

  /** The other unit: An Khê, which none of the fixtures is sent to or from. */
  static final String OTHER_UNIT = "ankhe";

  private static final Pattern OUTCOME = Pattern.compile("ok|ok\\[\\d{3}]|\\d{3}");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  /** Operations whose success disturbs other calls (it empties the verdict cache): run last. */
  private static final Set<String> LAST = Set.of("POST /api/v1/demo/revocations");

  private final Api api = TestServer.api();
  private final MatrixHttp http = new MatrixHttp(TestServer.get().baseUri());
  private final MatrixFixtures f = new MatrixFixtures(api, http);

  /** Who calls: the matrix's column, the account (null: anonymous) and its role. */
  record Caller(String column, String username, String role) {
    static Caller ofColumn(String column) {
      return switch (column) {
        case "anonymous" -> new Caller(column, null, null);
        case "ADMIN" -> new Caller(column, "admin", "ADMIN");
        default -> new Caller(column, account(column, "ubnd"), column);
      };
    }

    static Caller other(String role) {
      return new Caller("other " + role, account(role, OTHER_UNIT), role);
    }

    private static String account(String role, String unit) {
      String prefix =
          switch (role) {
            case "CLERK" -> "vanthu";
            case "LEADER" -> "lanhdao";
            case "OFFICER" -> "chuyenvien";
            default -> throw new IllegalArgumentException("no demo account of role " + role);
          };
      return prefix + "." + unit;
    }

    @Override
    public String toString() {
      return username == null ? column : column + " (" + username + ")";
    }
  }

  /** What the matrix expects: ok (2xx), ok[n] (a batch, each item refused with n), or n. */
  record Outcome(String text) {
    boolean allowed() {
      return text.startsWith("ok");
    }

    boolean matches(MatrixHttp.Answer a) {
      if (!allowed()) {
        return a.status() == Integer.parseInt(text);
      }
      if (a.status() < 200 || a.status() > 299) {
        return false;
      }
      if (text.equals("ok")) {
        return true;
      }
      int refused = Integer.parseInt(text.substring(3, 6));
      var results = MatrixFixtures.json(a.body()).getJsonArray("results");
      return !results.isEmpty()
          && results.stream()
              .map(JsonValue::asJsonObject)
              .allMatch(
                  r ->
                      r.get("problem") instanceof JsonObject p && p.getInt("status", 0) == refused);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** One row: the operation and the outcome for each caller, in call order. */
  record Row(String operation, Map<Caller, Outcome> outcomes) {}

  /** Makes the request one caller sends; {@code allowed}: the matrix expects it to succeed. */
  interface Recipe {
    MatrixHttp.Request request(Caller who, boolean allowed) throws Exception;
  }

  /** One call to check. */
  record Check(int order, String operation, Caller who, Outcome expected, Recipe recipe) {}

  @Test
  void everyOperationAnswersEveryCallerAsTheMatrixSays() throws Exception {
    Map<String, Row> matrix = read();
    Set<String> documented = documentedOperations();
    Map<String, Recipe> recipes = recipes();
    List<String> problems = new ArrayList<>();
    for (String op : documented) {
      if (!matrix.containsKey(op)) {
        problems.add(op + ": in the OpenAPI document, not in the matrix " + MATRIX);
      }
    }
    List<Check> checks = new ArrayList<>();
    for (Row row : matrix.values()) {
      if (!documented.contains(row.operation())) {
        problems.add(row.operation() + ": in the matrix, not in the OpenAPI document");
      } else if (!recipes.containsKey(row.operation())) {
        problems.add(row.operation() + ": no call for it in AuthorizationMatrixIT.recipes()");
      } else {
        row.outcomes()
            .forEach(
                (who, expected) ->
                    checks.add(
                        new Check(
                            checks.size(),
                            row.operation(),
                            who,
                            expected,
                            recipes.get(row.operation()))));
      }
    }
    String[] found = new String[checks.size()];
    run(checks.stream().filter(c -> !LAST.contains(c.operation())).toList(), found);
    run(checks.stream().filter(c -> LAST.contains(c.operation())).toList(), found);
    int mismatches = 0;
    for (String mismatch : found) {
      if (mismatch != null) {
        problems.add(mismatch);
        mismatches++;
      }
    }
    if (!problems.isEmpty()) {
      fail(
          mismatches
              + " of "
              + checks.size()
              + " calls on "
              + documented.size()
              + " operations do not answer as the matrix says, "
              + (problems.size() - mismatches)
              + " operations are not in both the matrix and the document:\n  "
              + String.join("\n  ", problems));
    }
  }

  /** Makes the calls, a few at a time (fixtures are signed and sent meanwhile). */
  private void run(List<Check> checks, String[] found) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Check c : checks) {
        running.add(pool.submit(() -> found[c.order()] = check(c)));
      }
      for (Future<?> r : running) {
        r.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The mismatch the call shows, or null when it answers as the matrix says. */
  private String check(Check c) {
    String call = c.operation() + " as " + c.who();
    MatrixHttp.Answer a;
    try {
      a = http.send(c.who().username(), c.recipe().request(c.who(), c.expected().allowed()));
    } catch (Exception | AssertionError e) {
      return call + ": the call could not be made: " + e;
    }
    try {
      if (c.expected().matches(a)) {
        return null;
      }
    } catch (RuntimeException e) {
      // a batch answer without its results: a mismatch like any other
    }
    String body = a.body().replaceAll("\\s+", " ");
    return call
        + ": the matrix says "
        + c.expected()
        + ", the server answered "
        + a.status()
        + " "
        + body.substring(0, Math.min(body.length(), 240));
  }

  /** The rows of the matrix, by operation ("POST /api/v1/documents"). */
  static Map<String, Row> read() {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (var in = AuthorizationMatrixIT.class.getResourceAsStream(MATRIX)) {
      if (in == null) {
        throw new AssertionError(MATRIX + " not on the test class path");
      }
      var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int n = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        n++;
        String text = line.split("#", 2)[0].strip();
        if (text.isEmpty()) {
          continue;
        }
        String[] cells = text.split("\\s+");
        if (cells.length != 3 + COLUMNS.size()) {
          throw new AssertionError(MATRIX + ":" + n + ": expected 8 columns, found: " + line);
        }
        Map<Caller, Outcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
          outcomes.put(Caller.ofColumn(COLUMNS.get(i)), outcome(cells[2 + i], n));
        }
        String[] other = cells[cells.length - 1].split(":", 2);
        if (other.length != 2) {
          throw new AssertionError(MATRIX + ":" + n + ": other is ROLE:outcome, not " + other[0]);
        }
        outcomes.put(Caller.other(other[0]), outcome(other[1], n));
        String op = cells[0] + " " + cells[1];
        if (rows.put(op, new Row(op, outcomes)) != null) {
          throw new AssertionError(MATRIX + ":" + n + ": a second row for " + op);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Outcome outcome(String text, int line) {
    if (!OUTCOME.matcher(text).matches()) {
      throw new AssertionError(MATRIX + ":" + line + ": not an outcome: " + text);
    }
    return new Outcome(text);
  }

  /** Every operation of the server's OpenAPI document, as "METHOD /path/{template}". */
  /** The OpenAPI document offers both logins a script has: a password or an API token. */
  @Test
  void theOpenApiDocumentOffersBasicAndTokenLogins() {
    JsonObject doc = api.get(null, "openapi?format=JSON").json();
    assertThat(doc.getJsonArray("security").toString()).contains("basic").contains("token");
    assertThat(doc.getJsonObject("components").getJsonObject("securitySchemes").toString())
        .contains("\"bearer\"");
  }

  private Set<String> documentedOperations() {
    Api.Answer doc = api.get(null, "openapi?format=JSON");
    if (doc.status() != 200) {
      throw new AssertionError("no OpenAPI document: " + doc);
    }
    Set<String> ops = new TreeSet<>();
    doc.json()
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject().keySet().stream()
                    .filter(METHODS::contains)
                    .forEach(m -> ops.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path)));
    return ops;
  }

  /**
   * How each operation is called. Where a successful call uses its fixture up, the allowed caller
   * gets a fresh one; the callers refused share one per operation, so that a refusal the server
   * wrongly lets through shows as itself and disturbs no other operation's calls.
   */
  private Map<String, Recipe> recipes() throws Exception {
    Map<String, Recipe> r = new LinkedHashMap<>();
    String reason = "{\"reason\": \"Không thuộc thẩm quyền giải quyết\"}";

    r.put("GET /api/v1/audit/chain", (who, ok) -> get("api/v1/audit/chain"));

    r.put("GET /api/v1/deliveries/{id}", (who, ok) -> get(delivery(f.incoming.get())));
    r.put(
        "GET /api/v1/deliveries/{id}/edxml-status",
        (who, ok) -> get(delivery(f.incoming.get()) + "/edxml-status"));
    r.put(
        "POST /api/v1/deliveries/{id}/assign",
        (who, ok) ->
            json(
                "POST",
                delivery(f.assigned.get()) + "/assign",
                "{\"handler\": \"" + MatrixFixtures.OFFICER + "\", \"workingDays\": 5}"));
    Fixture<MatrixFixtures.Incoming> forDone = new Fixture<>(f::assigned);
    r.put(
        "POST /api/v1/deliveries/{id}/done",
        (who, ok) -> post(delivery(forDone.get(ok)) + "/done"));
    Fixture<MatrixFixtures.Incoming> forProgress = new Fixture<>(f::assigned);
    r.put(
        "POST /api/v1/deliveries/{id}/progress",
        (who, ok) -> post(delivery(forProgress.get(ok)) + "/progress"));
    Fixture<MatrixFixtures.Incoming> forAccept = new Fixture<>(f::recallRequested);
    r.put(
        "POST /api/v1/deliveries/{id}/recall/accept",
        (who, ok) -> post(delivery(forAccept.get(ok)) + "/recall/accept"));
    Fixture<MatrixFixtures.Incoming> forRefuse = new Fixture<>(f::recallRequested);
    r.put(
        "POST /api/v1/deliveries/{id}/recall/refuse",
        (who, ok) -> json("POST", delivery(forRefuse.get(ok)) + "/recall/refuse", reason));
    Fixture<MatrixFixtures.Incoming> forRegister = new Fixture<>(f::incoming);
    r.put(
        "POST /api/v1/deliveries/{id}/register",
        (who, ok) -> post(delivery(forRegister.get(ok)) + "/register"));
    Fixture<MatrixFixtures.Incoming> forReject = new Fixture<>(f::incoming);
    r.put(
        "POST /api/v1/deliveries/{id}/reject",
        (who, ok) -> json("POST", delivery(forReject.get(ok)) + "/reject", reason));
    Fixture<MatrixFixtures.Incoming> forRetry = new Fixture<>(f::failed);
    r.put(
        "POST /api/v1/deliveries/{id}/retry",
        (who, ok) -> post(delivery(forRetry.get(ok)) + "/retry"));

    String spare = MatrixFixtures.spareCertificate();
    r.put(
        "POST /api/v1/demo/revocations",
        (who, ok) ->
            json("POST", "api/v1/demo/revocations", "{\"certificate\": \"" + spare + "\"}"));

    r.put("POST /api/v1/documents", (who, ok) -> f.newDocument());
    r.put("GET /api/v1/documents/{id}", (who, ok) -> get(document(f.sent.get().document())));
    r.put(
        "PATCH /api/v1/documents/{id}",
        (who, ok) ->
            json(
                "PATCH",
                document(f.sent.get().document()),
                "{\"abstract\": \"Về việc thử nghiệm liên thông (đính chính)\"}"));
    r.put(
        "GET /api/v1/documents/{id}/edxml",
        (who, ok) -> get(document(f.sent.get().document()) + "/edxml"));
    r.put(
        "GET /api/v1/documents/{id}/file",
        (who, ok) -> get(document(f.sent.get().document()) + "/file"));
    r.put(
        "GET /api/v1/documents/{id}/trace",
        (who, ok) -> get(document(f.sent.get().document()) + "/trace"));
    Fixture<UUID> forDemoSignature = new Fixture<>(f::draft);
    r.put(
        "POST /api/v1/documents/{id}/demo-signature",
        (who, ok) -> post(document(forDemoSignature.get(ok)) + "/demo-signature"));
    Fixture<UUID> forIssue = new Fixture<>(f::signed);
    r.put(
        "POST /api/v1/documents/{id}/issue",
        (who, ok) -> post(document(forIssue.get(ok)) + "/issue"));
    Fixture<MatrixFixtures.Sent> forRecall = new Fixture<>(f::sent);
    r.put(
        "POST /api/v1/documents/{id}/recall",
        (who, ok) -> json("POST", document(forRecall.get(ok).document()) + "/recall", reason));
    Fixture<UUID> forSend = new Fixture<>(f::issued);
    r.put(
        "POST /api/v1/documents/{id}/send",
        (who, ok) ->
            json(
                "POST",
                document(forSend.get(ok)) + "/send",
                "{\"recipients\": [\"" + MatrixFixtures.PEER + "\"]}"));
    // preparing leaves the draft a draft: one serves every caller
    Fixture<UUID> forPrepare = new Fixture<>(f::draft);
    r.put(
        "POST /api/v1/documents/{id}/signing-sessions",
        (who, ok) ->
            json(
                "POST",
                document(forPrepare.get(false)) + "/signing-sessions",
                chainOf(who).chainJson()));

    r.put(
        "POST /api/v1/edxml",
        (who, ok) ->
            new MatrixHttp.Request(
                "POST", "api/v1/edxml", "application/xml", f.statusMessage.get()));

    for (String path :
        List.of(
            "inbox",
            "inbox/counts",
            "registers/incoming",
            "registers/outgoing",
            "session",
            "tokens",
            "units")) {
      r.put("GET /api/v1/" + path, (who, ok) -> get("api/v1/" + path));
    }
    r.put(
        "POST /api/v1/tokens",
        (who, ok) -> json("POST", "api/v1/tokens", "{\"name\":\"ma trận\"}"));
    Fixture<String> forRevoke =
        new Fixture<>(
            () ->
                TestServer.api()
                    .postJson(MatrixFixtures.CLERK, "api/v1/tokens", "{\"name\":\"thu hồi\"}")
                    .json()
                    .getJsonObject("token")
                    .getString("id"));
    r.put(
        "DELETE /api/v1/tokens/{id}",
        (who, ok) -> MatrixHttp.Request.of("DELETE", "api/v1/tokens/" + forRevoke.get(ok)));
    r.put("DELETE /api/v1/session", (who, ok) -> MatrixHttp.Request.of("DELETE", "api/v1/session"));
    r.put(
        "POST /api/v1/session",
        (who, ok) ->
            json(
                "POST",
                "api/v1/session",
                Json.createObjectBuilder()
                    .add("username", who.username() == null ? MatrixFixtures.CLERK : who.username())
                    .add("password", Api.PASSWORD)
                    .build()
                    .toString()));

    Fixture<UUID> forBatch = new Fixture<>(f::draft);
    r.put(
        "POST /api/v1/signing-sessions",
        (who, ok) -> {
          var chain = Json.createArrayBuilder();
          chainOf(who).chain().forEach(chain::add);
          return json(
              "POST",
              "api/v1/signing-sessions",
              Json.createObjectBuilder()
                  .add("documents", Json.createArrayBuilder().add(forBatch.get(false).toString()))
                  .add("certificateChain", chain)
                  .build()
                  .toString());
        });
    Fixture<MatrixFixtures.Session> forBatchSignature = new Fixture<>(f::session);
    r.put(
        "POST /api/v1/signing-sessions/signatures",
        (who, ok) -> {
          MatrixFixtures.Session s = forBatchSignature.get(ok);
          return json(
              "POST",
              "api/v1/signing-sessions/signatures",
              Json.createObjectBuilder()
                  .add(
                      "signatures",
                      Json.createArrayBuilder()
                          .add(
                              Json.createObjectBuilder()
                                  .add("sessionId", s.id().toString())
                                  .add("signatureValue", s.signatureValue())))
                  .build()
                  .toString());
        });
    Fixture<MatrixFixtures.Session> forSignature = new Fixture<>(f::session);
    r.put(
        "POST /api/v1/signing-sessions/{sid}/signature",
        (who, ok) -> {
          MatrixFixtures.Session s = forSignature.get(ok);
          return json(
              "POST",
              "api/v1/signing-sessions/" + s.id() + "/signature",
              "{\"signatureValue\": \"" + s.signatureValue() + "\"}");
        });

    String leaderCertificates = "api/v1/users/" + MatrixFixtures.LEADER + "/certificates";
    r.put("GET /api/v1/users/{username}/certificates", (who, ok) -> get(leaderCertificates));
    r.put(
        "POST /api/v1/users/{username}/certificates",
        (who, ok) ->
            json(
                "POST",
                leaderCertificates,
                "{\"certificate\": \"" + f.token(MatrixFixtures.LEADER).chain().get(0) + "\"}"));

    r.put(
        "POST /api/v1/verifications", (who, ok) -> MatrixFixtures.verification(f.signedFile.get()));
    r.put(
        "GET /api/v1/verifications/{sha256}",
        (who, ok) -> get("api/v1/verifications/" + f.verified.get()));
    r.put(
        "GET /api/v1/verifications/{sha256}/report",
        (who, ok) -> get("api/v1/verifications/" + f.verified.get() + "/report"));
    return r;
  }

  /** The caller's own certificate chain if he is a leader, else the owning unit's leader's. */
  private TwoStepSigningIT.Token chainOf(Caller who) {
    return f.token("LEADER".equals(who.role()) ? who.username() : MatrixFixtures.LEADER);
  }

  private static MatrixHttp.Request get(String path) {
    return MatrixHttp.Request.of("GET", path);
  }

  private static MatrixHttp.Request post(String path) {
    return MatrixHttp.Request.of("POST", path);
  }

  private static MatrixHttp.Request json(String method, String path, String body) {
    return MatrixHttp.Request.json(method, path, body);
  }

  private static String document(UUID id) {
    return "api/v1/documents/" + id;
  }

  private static String delivery(MatrixFixtures.Incoming in) {
    return "api/v1/deliveries/" + in.delivery();
  }

  /** An operation's fixture: a fresh one for a call expected to succeed, else a shared one. */
  static final class Fixture<T> {
    private final Callable<T> make;
    private final MatrixFixtures.Shared<T> shared;

    Fixture(Callable<T> make) {
      this.make = make;
      this.shared = new MatrixFixtures.Shared<>(make);
    }

    T get(boolean fresh) throws Exception {
      return fresh ? make.call() : shared.get();
    }
  }
}
