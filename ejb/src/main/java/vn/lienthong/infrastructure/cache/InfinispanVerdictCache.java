package vn.lienthong.infrastructure.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.infinispan.Cache;
import vn.lienthong.application.signing.VerdictCache;
import vn.lienthong.application.signing.VerdictView;

/**
 * Verdicts and reports in the "verdicts" and "reports" caches, request counts in "rate-limits"
 * (30-infinispan.cli sets their sizes and lifespans).
 */
@ApplicationScoped
public class InfinispanVerdictCache implements VerdictCache {
  @Resource(lookup = "java:jboss/infinispan/cache/lienthong/verdicts")
  Cache<String, VerdictView> verdicts;

  @Resource(lookup = "java:jboss/infinispan/cache/lienthong/reports")
  Cache<String, String> reports;

  @Resource(lookup = "java:jboss/infinispan/cache/lienthong/rate-limits")
  Cache<String, Integer> rates;

  @Override
  public Optional<VerdictView> verdict(String key) {
    return Optional.ofNullable(verdicts.get(key));
  }

  @Override
  public Optional<String> report(String key) {
    return Optional.ofNullable(reports.get(key));
  }

  @Override
  public void put(String key, VerdictView verdict, String reportXml) {
    verdicts.put(key, verdict);
    if (reportXml != null) {
      reports.put(key, reportXml);
    }
  }

  @Override
  public int countRequest(String client, long minute) {
    return rates.merge("verify " + client + " " + minute, 1, Integer::sum);
  }
}
