package vn.lienthong.application.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lienthong.domain.unit.Units;

/** The unit directory, read through the cache: every screen and every send asks for it. */
@ApplicationScoped
public class UnitDirectory {
  @Inject Units units;
  @Inject DirectoryCache cache;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UnitView> all() {
    return cache.get(() -> units.all().stream().map(UnitView::of).toList());
  }

  public Map<String, UnitView> byCode() {
    return all().stream().collect(Collectors.toMap(UnitView::code, Function.identity()));
  }
}
