package vn.lienthong.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the configured trust services are fetched from, however a URL is spelled. */
class RestrictedPkiClientTest {

  private final List<String> fetched = new ArrayList<>();

  private final PkiClient recording =
      new PkiClient() {
        @Override
        public byte[] get(String url) {
          fetched.add(url);
          return new byte[0];
        }

        @Override
        public byte[] post(String url, String contentType, byte[] body) {
          fetched.add(url);
          return new byte[0];
        }
      };

  private final PkiClient client =
      PkiClient.restrictedTo(List.of("http://pki.thanhkhe.gov.vn/pki/"), recording);

  @Test
  void urlsUnderAConfiguredServiceAreFetched() {
    client.get("http://pki.thanhkhe.gov.vn/pki/crl/issuing.crl");
    client.get("HTTP://PKI.ThanhKhe.gov.vn:80/pki/./crl/root.crl");
    client.post("http://pki.thanhkhe.gov.vn/pki/ocsp", "application/ocsp-request", new byte[0]);
    assertThat(fetched).hasSize(3);
  }

  @Test
  void anyOtherUrlIsRefusedWithoutARequest() {
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://pki.thanhkhe.gov.vn:9990/pki/crl",
            "https://pki.thanhkhe.gov.vn/pki/crl",
            "http://pki.thanhkhe.gov.vn/pki/../management",
            "http://pki.thanhkhe.gov.vn/pkiadmin",
            "http://user@pki.thanhkhe.gov.vn/pki/crl",
            "http://pki.thanhkhe.gov.vn.evil.example/pki/crl",
            "http://pki.thanhkhe.gov.vn/pki/%2e%2e/management",
            "http://pki.thanhkhe.gov.vn/pki/%2E%2E%2Fmanagement",
            "http://pki.thanhkhe.gov.vn/pki/..%5cmanagement",
            "file:///etc/passwd",
            "ldap://pki.thanhkhe.gov.vn/cn=crl",
            "not a url")) {
      assertThatThrownBy(() -> client.get(url))
          .as(url)
          .isInstanceOf(PkiException.class)
          .hasMessageContaining("Not a configured trust service");
    }
    assertThat(fetched).isEmpty();
  }

  @Test
  void aPrefixIsAFolderAndMustBeAnHttpUrl() {
    PkiClient folder = PkiClient.restrictedTo(List.of("http://pki.thanhkhe.gov.vn/pki"), recording);
    folder.get("http://pki.thanhkhe.gov.vn/pki/crl/root.crl");
    assertThat(fetched).hasSize(1);
    assertThatThrownBy(() -> folder.get("http://pki.thanhkhe.gov.vn/pkiadmin/x"))
        .isInstanceOf(PkiException.class);
    assertThatThrownBy(() -> PkiClient.restrictedTo(List.of("pki.thanhkhe.gov.vn, b"), recording))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
