package vn.lienthong.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {
  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theUserNameIsWhatComesBeforeTheFirstColon() {
    assertThat(BasicCredentials.username(basic("vanthu.vp:mật:khẩu"))).isEqualTo("vanthu.vp");
    assertThat(BasicCredentials.username(basic("nguyễn.văn.a:x"))).isEqualTo("nguyễn.văn.a");
    assertThat(BasicCredentials.username("bAsIc " + basic("a:b").substring(6))).isEqualTo("a");
    assertThat(BasicCredentials.username(basic(":only-password"))).isEmpty();
  }

  @Test
  void otherSchemesAndMalformedHeadersHaveNoUserName() {
    assertThat(BasicCredentials.username(null)).isNull();
    assertThat(BasicCredentials.username("Bearer abc")).isNull();
    assertThat(BasicCredentials.username("Basic ")).isNull();
    assertThat(BasicCredentials.username("Basic !!!not-base64")).isNull();
    assertThat(BasicCredentials.username(basic("no-colon"))).isNull();
  }

  @Test
  void anApiTokenBecomesTheBasicCredentialsOfItsPrincipal() {
    String basic = BasicCredentials.fromBearerToken("Bearer lt_0a1b-2c.s3cr3t_-x");
    assertThat(basic).isEqualTo(basic("~0a1b-2c:s3cr3t_-x"));
    assertThat(BasicCredentials.username(basic)).isEqualTo("~0a1b-2c");
    assertThat(BasicCredentials.fromBearerToken("Bearer other-token")).isNull();
    assertThat(BasicCredentials.fromBearerToken("Bearer lt_nodot")).isNull();
    assertThat(BasicCredentials.fromBearerToken("Bearer lt_id.")).isNull();
    assertThat(BasicCredentials.fromBearerToken("Bearer lt_a:b.c")).isNull();
    assertThat(BasicCredentials.fromBearerToken(basic("a:b"))).isNull();
  }
}
