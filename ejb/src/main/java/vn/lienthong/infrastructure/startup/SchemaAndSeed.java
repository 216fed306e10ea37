package vn.lienthong.infrastructure.startup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;

/**
 * At start-up, before anything uses the database: Flyway migrates the schema, then in demo mode the
 * demo district is seeded (LIENTHONG_DEMO_SEED, default true); in production the unit tree file is
 * loaded, the start is refused while anything a production server needs is missing ({@link
 * ProductionStart}), and the first administrator is made from the environment. Several nodes
 * starting at once are safe: Flyway takes a lock and the inserts use ON CONFLICT DO NOTHING.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaAndSeed {
  private static final Logger LOG = Logger.getLogger(SchemaAndSeed.class);

  @Resource(lookup = "java:jboss/datasources/LienThongDS")
  DataSource dataSource;

  @Inject Settings settings;

  @PostConstruct
  void start() {
    var result =
        Flyway.configure(SchemaAndSeed.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.infof(
        "database schema at version %s (%d migrations applied now)",
        result.targetSchemaVersion, result.migrationsExecuted);
    if (settings.demoMode()) {
      if (settings.demoSeed()) {
        new DemoDistrict(dataSource, settings.demoPassword(), settings.demoDataSet()).seed();
      }
      return;
    }
    List<String> problems =
        new ArrayList<>(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    settings.databasePasswordGiven(),
                    settings.tlsKeystore(),
                    settings.tlsKeystorePassword(),
                    settings.trustAnchorsFolder(),
                    settings.sealKeysFile(),
                    settings.unitsFile())));
    settings
        .unitsFile()
        .filter(Files::isRegularFile)
        .ifPresent(f -> ProductionStart.loadUnits(dataSource, f));
    problems.addAll(
        ProductionStart.databaseProblems(
            dataSource, new LinkedHashSet<>(List.of("demo", settings.demoPassword()))));
    Optional<String[]> admin = settings.firstAdministrator();
    boolean hasAdmin = ProductionStart.hasAdministrator(dataSource);
    if (!hasAdmin && admin.isEmpty()) {
      problems.add(
          "chưa có quản trị viên: đặt LIENTHONG_ADMIN_USERNAME và LIENTHONG_ADMIN_PASSWORD cho lần"
              + " khởi động đầu tiên");
    }
    if (!problems.isEmpty()) {
      String message =
          "Liên Thông không khởi động ở chế độ production (LIENTHONG_MODE=production):\n - "
              + String.join("\n - ", problems)
              + "\nXem mục \"Running in production\" của README; để chạy thử: LIENTHONG_MODE=demo.";
      LOG.error(message);
      throw new IllegalStateException(message);
    }
    if (!hasAdmin) {
      ProductionStart.createAdministrator(dataSource, admin.get()[0], admin.get()[1]);
    }
  }
}
