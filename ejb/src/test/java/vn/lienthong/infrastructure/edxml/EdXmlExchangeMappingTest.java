package vn.lienthong.infrastructure.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.document.Urgency;
import vn.lienthong.domain.exchange.DeliveryStatus;

/** The one place the domain meets the standard's codes: each mapping both ways. */
class EdXmlExchangeMappingTest {

  @Test
  void aNotationSplitsIntoTheStandardsNumberAndNotation() {
    EdXmlDocument.Code c = EdXmlExchange.code("05/QĐ-UBND");
    assertThat(c.codeNumber()).isEqualTo("05");
    assertThat(c.codeNotation()).isEqualTo("QĐ-UBND");
    assertThat(c.text()).isEqualTo("05/QĐ-UBND");
    assertThat(EdXmlExchange.code("12/UBND-VP").codeNotation()).isEqualTo("UBND-VP");
    assertThatThrownBy(() -> EdXmlExchange.code("UBND")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> EdXmlExchange.code("05/")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void everyPriorityIsAnUrgencyOfDecree30() {
    for (Urgency u : Urgency.values()) {
      assertThat(EdXmlExchange.urgency(EdXmlDocument.Priority.valueOf(u.name()))).isEqualTo(u);
    }
    assertThat(EdXmlExchange.urgency(EdXmlDocument.Priority.FLASH_TIMED)).isEqualTo(Urgency.FLASH);
  }

  @Test
  void everyStatusARecipientCanBeInHasItsCodeAndBack() {
    for (DeliveryStatus s : DeliveryStatus.values()) {
      if (s == DeliveryStatus.PENDING || s == DeliveryStatus.FAILED) {
        assertThatThrownBy(() -> EdXmlExchange.statusCode(s))
            .isInstanceOf(IllegalTransitionException.class);
        continue;
      }
      EdXmlStatus.StatusCode code = EdXmlExchange.statusCode(s);
      assertThat(code.code()).isEqualTo(s.code().orElseThrow());
      assertThat(EdXmlExchange.status(code)).isEqualTo(s);
    }
  }
}
