package vn.lienthong.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.domain.unit.Unit;
import vn.lienthong.domain.unit.Units;

@ApplicationScoped
public class JpaUnits implements Units {
  @PersistenceContext EntityManager em;

  @Override
  public Optional<Unit> find(String code) {
    return Optional.ofNullable(em.find(Unit.class, code));
  }

  @Override
  public List<Unit> all() {
    List<Unit> units =
        em.createQuery("SELECT u FROM Unit u ORDER BY u.sortOrder, u.code", Unit.class)
            .getResultList();
    // Parents before children, siblings in display order: a depth-first walk of the tree.
    Map<String, List<Unit>> children = new HashMap<>();
    for (Unit u : units) {
      children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
    }
    List<Unit> ordered = new ArrayList<>(units.size());
    walk(null, children, ordered);
    return ordered;
  }

  private static void walk(String parent, Map<String, List<Unit>> children, List<Unit> out) {
    for (Unit u : children.getOrDefault(parent, List.of())) {
      out.add(u);
      walk(u.code(), children, out);
    }
  }
}
