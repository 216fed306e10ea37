package vn.lienthong.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.jboss.logging.Logger;
import vn.lienthong.application.exchange.ExchangeService;

/**
 * Empties the dead-letter queue into the database: each message the broker gave up on (after all
 * its redeliveries) is counted against its delivery, which is what lets the sweep tell a poison
 * delivery from a slow one. The message itself is consumed: the database is the record, and the
 * sweep publishes a delivery again or, after enough dead letters, marks it failed.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/lienthong/DLQ"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
public class DeadLetterListener implements MessageListener {
  private static final Logger LOG = Logger.getLogger(DeadLetterListener.class);

  @Inject ExchangeService exchange;

  @Override
  public void onMessage(Message message) {
    try {
      ExchangeMessage m = ExchangeMessage.parse(OutboundListener.body(message));
      exchange.deadLettered(m.id(), message.getStringProperty("_AMQ_ORIG_ADDRESS"));
    } catch (JMSException | RuntimeException e) {
      // a message that is not ours, or unreadable: nothing to count it against
      LOG.errorf("dead letter %s dropped: %s", messageId(message), e.toString());
    }
  }

  private static String messageId(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "?";
    }
  }
}
