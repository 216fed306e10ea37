package vn.lienthong.application.unit;

import java.util.List;
import java.util.function.Supplier;

/** Where the unit directory is kept between reads (an Infinispan cache in the server). */
public interface DirectoryCache {
  List<UnitView> get(Supplier<List<UnitView>> loader);
}
