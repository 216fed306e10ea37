package vn.lienthong.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers and the schema is migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  @Resource(lookup = "java:jboss/datasources/LienThongDS")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT max(version) FROM flyway_schema_history WHERE success")) {
      ps.setQueryTimeout(5);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return response.up().withData("schemaVersion", String.valueOf(rs.getString(1))).build();
      }
    } catch (SQLException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
