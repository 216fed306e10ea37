package vn.lienthong.infrastructure.content;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.content.ContentHash;
import vn.lienthong.domain.content.ContentStore;

/**
 * The content store as PostgreSQL large objects: written and read in 64 KiB chunks, so a 100 MB PDF
 * never sits in the heap. Uses the JTA transaction's connection (WildFly hands the same physical
 * connection to JPA and to this store within one transaction).
 */
@ApplicationScoped
public class PostgresContentStore implements ContentStore {
  private static final int CHUNK = 64 * 1024;

  @Resource(lookup = "java:jboss/datasources/LienThongDS")
  DataSource dataSource;

  @Override
  public void put(Path file, ContentHash hash, long size, String mediaType) {
    try (Connection c = dataSource.getConnection()) {
      LargeObjectManager lom = c.unwrap(PGConnection.class).getLargeObjectAPI();
      long oid = lom.createLO(LargeObjectManager.READWRITE);
      try (LargeObject lo = lom.open(oid, LargeObjectManager.WRITE);
          InputStream in = Files.newInputStream(file)) {
        byte[] buf = new byte[CHUNK];
        for (int n; (n = in.read(buf)) > 0; ) {
          lo.write(buf, 0, n);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO content (sha256, size_bytes, media_type, data) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (sha256) DO NOTHING")) {
        ps.setString(1, hash.hex());
        ps.setLong(2, size);
        ps.setString(3, mediaType);
        ps.setLong(4, oid);
        if (ps.executeUpdate() == 0) {
          // The same bytes were stored by a concurrent upload: keep theirs, drop ours.
          lom.delete(oid);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("content store write failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean contains(ContentHash hash) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM content WHERE sha256 = ?")) {
      ps.setString(1, hash.hex());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("content store read failed", e);
    }
  }

  @Override
  public void copyTo(ContentHash hash, OutputStream out) throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT data FROM content WHERE sha256 = ?")) {
      ps.setString(1, hash.hex());
      long oid;
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Không tìm thấy nội dung tệp.");
        }
        oid = rs.getLong(1);
      }
      LargeObjectManager lom = c.unwrap(PGConnection.class).getLargeObjectAPI();
      try (LargeObject lo = lom.open(oid, LargeObjectManager.READ)) {
        byte[] buf = new byte[CHUNK];
        for (int n; (n = lo.read(buf, 0, buf.length)) > 0; ) {
          out.write(buf, 0, n);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("content store read failed", e);
    }
  }
}
