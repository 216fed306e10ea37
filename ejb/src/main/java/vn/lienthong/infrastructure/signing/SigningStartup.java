package vn.lienthong.infrastructure.signing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;
import vn.lienthong.domain.unit.Unit;
import vn.lienthong.domain.unit.Units;
import vn.lienthong.domain.user.Role;
import vn.lienthong.domain.user.User;
import vn.lienthong.domain.user.UserCertificate;
import vn.lienthong.domain.user.UserCertificates;

/**
 * At start-up, after the schema and the demo seed: the signing engine is made, and in demo mode
 * each leader gets a personal demo certificate (registered as his own) and each unit a demo seal,
 * created once and kept. Readiness reads the engine's problems through a platform MBean, since the
 * health checks live in the EAR's lib/ and cannot see this module's classes.
 */
@Singleton
@Startup
@DependsOn("SchemaAndSeed")
public class SigningStartup {
  private static final Logger LOG = Logger.getLogger(SigningStartup.class);

  /** Read by vn.lienthong.infrastructure.health.SigningReadiness. */
  public static final String MBEAN = "vn.lienthong:type=SigningReadiness";

  @Inject Settings settings;
  @Inject SigningRuntime runtime;
  @Inject Units units;
  @Inject UserCertificates certificates;
  @PersistenceContext EntityManager em;

  /** The MBean's view: what keeps signing from working, and the configured seal tokens. */
  public interface SigningReadinessMBean {
    String[] getProblems();

    String[] getSealTokens();
  }

  @PostConstruct
  void start() {
    if (settings.demoMode() && runtime.demoPki().isPresent()) {
      Map<String, Unit> byCode = units.all().stream().collect(Collectors.toMap(Unit::code, u -> u));
      for (Unit u : byCode.values()) {
        runtime.ensureDemoSeal(u.name(), u.code());
      }
      List<User> leaders =
          em.createQuery("SELECT u FROM User u WHERE u.role = :r", User.class)
              .setParameter("r", Role.LEADER)
              .getResultList();
      int registered = 0;
      for (User leader : leaders) {
        Unit unit = byCode.get(leader.unitCode());
        X509Certificate c =
            runtime.ensureDemoLeader(
                leader.username(), leader.fullName(), position(unit), unit.name(), unit.code());
        String sha = sha256(c);
        if (certificates.find(sha).isEmpty()) {
          certificates.add(
              new UserCertificate(
                  sha,
                  leader.username(),
                  c.getSubjectX500Principal().getName(),
                  c.getNotAfter().toInstant(),
                  encoded(c),
                  Instant.now(),
                  null));
          registered++;
        }
      }
      if (registered > 0) {
        LOG.infof("demo certificates registered for %d leaders", registered);
      }
    }
    try {
      ManagementFactory.getPlatformMBeanServer()
          .registerMBean(
              new javax.management.StandardMBean(
                  new SigningReadinessMBean() {
                    @Override
                    public String[] getProblems() {
                      return runtime.problems().toArray(String[]::new);
                    }

                    @Override
                    public String[] getSealTokens() {
                      return runtime.sealTokens().entrySet().stream()
                          .map(e -> e.getKey() + ": " + e.getValue())
                          .toArray(String[]::new);
                    }
                  },
                  SigningReadinessMBean.class),
              new ObjectName(MBEAN));
    } catch (Exception e) {
      LOG.error("signing readiness MBean not registered", e);
    }
  }

  @PreDestroy
  void stop() {
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(MBEAN));
    } catch (Exception e) {
      LOG.debugf("signing readiness MBean: %s", e.getMessage());
    }
  }

  /**
   * The demo leader's title: chairman of a people's committee, chief of office, head of division.
   */
  static String position(Unit unit) {
    if (unit.name().startsWith("Ủy ban nhân dân")) {
      return "Chủ tịch";
    }
    if (unit.name().startsWith("Văn phòng")) {
      return "Chánh Văn phòng";
    }
    return "Trưởng phòng";
  }

  static String sha256(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] encoded(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
