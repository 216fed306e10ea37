package vn.lienthong.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when signing can work: trust anchors configured, the timestamp service answering, every
 * unit's seal token present and logged in. The application publishes what is wrong through the
 * platform MBean vn.lienthong:type=SigningReadiness (this jar cannot see the EJB module's classes).
 */
@Readiness
@ApplicationScoped
public class SigningReadiness implements HealthCheck {
  private static final String MBEAN = "vn.lienthong:type=SigningReadiness";

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("signing");
    try {
      var server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(MBEAN);
      if (!server.isRegistered(name)) {
        return response.down().withData("problem", "dịch vụ ký số chưa khởi động").build();
      }
      String[] problems = (String[]) server.getAttribute(name, "Problems");
      String[] tokens = (String[]) server.getAttribute(name, "SealTokens");
      for (int i = 0; i < tokens.length; i++) {
        response.withData("sealToken" + (i + 1), tokens[i]);
      }
      if (problems.length == 0) {
        return response.up().build();
      }
      response.down();
      for (int i = 0; i < problems.length; i++) {
        response.withData("problem" + (i + 1), problems[i]);
      }
      return response.build();
    } catch (JMException | RuntimeException e) {
      return response.down().withData("problem", e.getClass().getSimpleName()).build();
    }
  }
}
