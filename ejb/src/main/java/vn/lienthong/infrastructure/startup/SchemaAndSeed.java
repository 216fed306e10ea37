package vn.lienthong.infrastructure.startup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;

/**
 * At start-up, before anything uses the database: Flyway migrates the schema, then the demo
 * district is seeded if enabled (LIENTHONG_DEMO_SEED, default true). Several nodes starting at once
 * are safe: Flyway takes a lock and the seed inserts with ON CONFLICT DO NOTHING.
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
    if (settings.demoSeed()) {
      new DemoDistrict(dataSource, settings.demoPassword(), settings.demoDataSet()).seed();
    }
  }
}
