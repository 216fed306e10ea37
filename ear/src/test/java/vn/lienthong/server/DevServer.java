package vn.lienthong.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * The development run (README, first command): the provisioned server with the EAR on an embedded
 * PostgreSQL kept in .run/postgres (or POSTGRESQL_* if set), the demo district seeded, in the
 * foreground until Ctrl-C.
 */
public final class DevServer {
  private DevServer() {}

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  public static void main(String[] args) throws Exception {
    Path project = Path.of(System.getProperty("lienthong.project", ".")).toAbsolutePath();
    Path ear = project.resolve("ear");
    int offset = Integer.getInteger("lienthong.portOffset", 0);
    // Demo mode: the demo district, the demo PKI served by the server (kept in .run/data with the
    // demo keys, like the database in .run/postgres) and the demo signer.
    LocalServer.Options options =
        new LocalServer.Options(
            ear.resolve("target/server"),
            offset,
            project.resolve(".run/postgres"),
            ear.resolve("target/server.log"),
            Map.of(
                "LIENTHONG_MODE",
                env("LIENTHONG_MODE", "demo"),
                "LIENTHONG_DATA_DIR",
                env("LIENTHONG_DATA_DIR", project.resolve(".run/data").toString()),
                "LIENTHONG_PUBLIC_URL",
                env("LIENTHONG_PUBLIC_URL", "http://localhost:" + (8080 + offset))));
    System.out.println("Liên Thông: đang khởi động (PostgreSQL, WildFly)...");
    LocalServer server = LocalServer.start(options);
    System.out.println();
    System.out.println(
        "Liên Thông đang chạy. Ctrl-C để dừng. Nhật ký máy chủ: " + options.logFile());
    System.out.println("  API      " + server.baseUri().resolve("api/v1/units"));
    System.out.println("  OpenAPI  " + server.baseUri().resolve("openapi"));
    System.out.println("  Health   " + server.managementUri().resolve("health/ready"));
    System.out.println("  Accounts admin, vanthu.ubnd, lanhdao.ubnd, chuyenvien.vp ... (README)");
    server.process().waitFor();
    System.out.println("WildFly exited with " + server.process().exitValue());
  }
}
