package vn.lienthong.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the broker accepts a connection and the exchange queues exist. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {
  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory factory;

  @Resource(lookup = "java:/jms/queue/lienthong/outbound")
  Queue outbound;

  @Resource(lookup = "java:/jms/queue/lienthong/delivery")
  Queue delivery;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("messaging");
    try (JMSContext ctx = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        QueueBrowser a = ctx.createBrowser(outbound);
        QueueBrowser b = ctx.createBrowser(delivery)) {
      a.getEnumeration();
      b.getEnumeration();
      return response.up().build();
    } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
