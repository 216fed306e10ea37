package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A closed broker (issue 10): the embedded Artemis broker serves the application's in-VM JMS only.
 * No HTTP upgrade to its protocol on the web port, no broker port of its own, no remote acceptor or
 * connector in the management model, no role for guests, and management on the loopback only.
 */
class ClosedBrokerIT {

  /**
   * What an Artemis client (or a HornetQ one, which WildFly also upgrades) sends to switch an HTTP
   * connection to the broker's protocol: before issue 10 the web port answered each with 101.
   */
  @Test
  void theWebPortDoesNotUpgradeToTheBrokersProtocol() throws IOException {
    URI base = TestServer.get().baseUri();
    for (String[] protocol :
        List.of(
            new String[] {"activemq-remoting", "Sec-ActiveMQRemoting-Key", "httpUpgradeEndpoint"},
            new String[] {
              "hornetq-remoting", "Sec-HornetQRemoting-Key", "http-upgrade-endpoint"
            })) {
      for (String endpoint : new String[] {null, "http-acceptor", "http-acceptor-throughput"}) {
        String head = upgrade(base, protocol[0], protocol[1], protocol[2], endpoint);
        assertThat(head)
            .as("%s upgrade (endpoint %s)", protocol[0], endpoint)
            .doesNotStartWith("HTTP/1.1 101")
            .doesNotContainIgnoringCase("Remoting-Accept");
      }
    }
  }

  /**
   * Artemis' own ports (core, HornetQ, AMQP, STOMP, MQTT), moved by the port offset as a socket
   * binding of this server would be.
   */
  @Test
  void nothingListensOnTheBrokersPorts() {
    TestServer.get();
    for (int port : new int[] {61616, 5445, 5672, 61613, 1883}) {
      int p = port + TestServer.OFFSET;
      assertThat(listening(p)).as("something listens on %d", p).isFalse();
    }
  }

  @Test
  void theManagementModelHasNoRemoteAcceptorNoGuestRoleAndManagementOnLoopback() throws Exception {
    List<JsonValue> answers =
        ManagementCli.read(
            "/subsystem=messaging-activemq/server=default:read-resource(recursive=true)",
            "/interface=management:read-attribute(name=resolved-address)",
            "/socket-binding-group=standard-sockets/socket-binding=management-http"
                + ":read-attribute(name=bound-address)");
    JsonObject broker = answers.get(0).asJsonObject();
    for (String type :
        List.of(
            "acceptor",
            "remote-acceptor",
            "http-acceptor",
            "connector",
            "remote-connector",
            "http-connector",
            "broadcast-group",
            "socket-broadcast-group",
            "jgroups-broadcast-group",
            "discovery-group",
            "socket-discovery-group",
            "jgroups-discovery-group",
            "cluster-connection",
            "bridge",
            "connector-service",
            "security-setting")) {
      assertThat(broker.get(type)).as(type).isEqualTo(JsonValue.NULL);
    }
    assertThat(broker.getJsonObject("in-vm-acceptor").keySet()).containsExactly("in-vm");
    assertThat(broker.getJsonObject("connection-factory").keySet())
        .containsExactly("InVmConnectionFactory");
    // The in-VM connections need no role: WildFly signs them in with its own identity.
    assertThat(broker.getBoolean("override-in-vm-security")).isTrue();
    assertThat(((JsonString) answers.get(1)).getString()).isEqualTo("127.0.0.1");
    assertThat(((JsonString) answers.get(2)).getString()).isEqualTo("127.0.0.1");
  }

  /** The head of the answer to an upgrade request, as a client of the broker sends it. */
  private static String upgrade(
      URI base, String protocol, String keyHeader, String endpointHeader, String endpoint)
      throws IOException {
    byte[] nonce = new byte[16];
    new Random().nextBytes(nonce);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      StringBuilder request =
          new StringBuilder("GET / HTTP/1.1\r\n")
              .append("Host: ")
              .append(base.getHost())
              .append(':')
              .append(base.getPort())
              .append("\r\nUpgrade: ")
              .append(protocol)
              .append("\r\nConnection: Upgrade\r\n")
              .append(keyHeader)
              .append(": ")
              .append(Base64.getEncoder().encodeToString(nonce))
              .append("\r\n");
      if (endpoint != null) {
        request.append(endpointHeader).append(": ").append(endpoint).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return head(socket.getInputStream());
    }
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      b.write(c);
      if (b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      // a timeout: nothing answered either
      return false;
    }
  }
}
