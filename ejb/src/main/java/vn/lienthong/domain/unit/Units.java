package vn.lienthong.domain.unit;

import java.util.List;
import java.util.Optional;

/** The unit directory. */
public interface Units {
  Optional<Unit> find(String code);

  /** All units, parents before children, in their display order. */
  List<Unit> all();
}
