package vn.lienthong.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.lienthong.signing.Fixtures;

class CachingPkiClientTest {

  /** Counts what reaches the demo PKI behind the cache. */
  private static final class CountingClient implements PkiClient {
    final PkiClient pki = Fixtures.pki().client();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public byte[] get(String url) {
      calls.incrementAndGet();
      return pki.get(url);
    }

    @Override
    public byte[] post(String url, String contentType, byte[] body) {
      calls.incrementAndGet();
      return pki.post(url, contentType, body);
    }
  }

  @Test
  void crlsAreServedFromTheCacheButTimestampsNever() throws Exception {
    CountingClient origin = new CountingClient();
    PkiClient cached =
        new CachingPkiClient(origin, ResponseCache.inMemory(), Duration.ofMinutes(5));
    String crl = Fixtures.pki().crlUrl(DemoPki.ISSUING);

    byte[] first = cached.get(crl);
    byte[] second = cached.get(crl);
    assertThat(second).isEqualTo(first);
    assertThat(origin.calls).hasValue(1);

    var request =
        new org.bouncycastle.tsp.TimeStampRequestGenerator()
            .generate(org.bouncycastle.tsp.TSPAlgorithms.SHA256, new byte[32])
            .getEncoded();
    cached.post(Fixtures.pki().tsaUrl(), "application/timestamp-query", request);
    cached.post(Fixtures.pki().tsaUrl(), "application/timestamp-query", request);
    assertThat(origin.calls).hasValue(3);
  }

  @Test
  void expiredEntriesAreFetchedAgain() throws Exception {
    CountingClient origin = new CountingClient();
    PkiClient cached = new CachingPkiClient(origin, ResponseCache.inMemory(), Duration.ofMillis(1));
    String crl = Fixtures.pki().crlUrl(DemoPki.ROOT);
    cached.get(crl);
    Thread.sleep(5);
    cached.get(crl);
    assertThat(origin.calls).hasValue(2);
  }
}
