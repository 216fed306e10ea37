package vn.lienthong.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user account. A user belongs to exactly one unit and sees what concerns that unit. The password
 * hash is deliberately not mapped: only the security realm reads it.
 */
@Entity
@Table(name = "app_user")
public class User {
  @Id
  @Column(name = "username")
  private String username;

  @Column(name = "full_name", nullable = false)
  private String fullName;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false)
  private Role role;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  protected User() {}

  public String username() {
    return username;
  }

  public String fullName() {
    return fullName;
  }

  public Role role() {
    return role;
  }

  public String unitCode() {
    return unitCode;
  }

  public boolean enabled() {
    return enabled;
  }
}
