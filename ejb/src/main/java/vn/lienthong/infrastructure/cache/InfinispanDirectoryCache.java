package vn.lienthong.infrastructure.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import org.infinispan.Cache;
import vn.lienthong.application.unit.DirectoryCache;
import vn.lienthong.application.unit.UnitView;

/** The unit directory in the server's "units" cache (30-infinispan.cli), five minutes at most. */
@ApplicationScoped
public class InfinispanDirectoryCache implements DirectoryCache {
  private static final String KEY = "all";

  @Resource(lookup = "java:jboss/infinispan/cache/lienthong/units")
  Cache<String, List<UnitView>> cache;

  @Override
  public List<UnitView> get(Supplier<List<UnitView>> loader) {
    List<UnitView> units = cache.get(KEY);
    if (units == null) {
      units = List.copyOf(loader.get());
      cache.putForExternalRead(KEY, units);
    }
    return units;
  }
}
