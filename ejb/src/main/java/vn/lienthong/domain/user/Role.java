package vn.lienthong.domain.user;

/** What a user does in their unit. */
public enum Role {
  /** Quản trị hệ thống — administers units and accounts. */
  ADMIN,
  /** Văn thư — numbers, seals, sends and registers documents. */
  CLERK,
  /** Lãnh đạo — signs documents with a personal token. */
  LEADER,
  /** Chuyên viên — drafts and processes documents. */
  OFFICER
}
