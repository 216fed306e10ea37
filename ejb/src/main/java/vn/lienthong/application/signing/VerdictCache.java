package vn.lienthong.application.signing;

import java.util.Optional;

/**
 * Verdicts and ETSI reports by document hash and trust configuration, and the per-client request
 * counts of the public endpoint. Implemented on the server's Infinispan caches.
 */
public interface VerdictCache {
  Optional<VerdictView> verdict(String key);

  Optional<String> report(String key);

  void put(String key, VerdictView verdict, String reportXml);

  /** Counts one request of the client in the given minute; answers the count so far. */
  int countRequest(String client, long minute);
}
