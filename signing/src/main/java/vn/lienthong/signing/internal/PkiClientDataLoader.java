package vn.lienthong.signing.internal;

import eu.europa.esig.dss.spi.client.http.DataLoader;
import java.util.List;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.pki.PkiClient;

/**
 * DSS's data loader over our {@link PkiClient}: DSS's online OCSP/CRL/TSP/AIA sources then reach
 * the demo PKI in process or a real PKI over HTTP through the same bytes. One instance per request
 * content type, since DSS's sources do not always announce it.
 */
final class PkiClientDataLoader implements DataLoader {

  private static final long serialVersionUID = 1L;

  private final transient PkiClient client;
  private String contentType;

  PkiClientDataLoader(PkiClient client, String contentType) {
    this.client = client;
    this.contentType = contentType;
  }

  @Override
  public byte[] get(String url) {
    return client.get(url);
  }

  @Override
  public DataAndUrl get(List<String> urls) {
    SigningException last = null;
    for (String url : urls) {
      try {
        return new DataAndUrl(url, client.get(url));
      } catch (SigningException e) {
        last = e;
      }
    }
    throw last != null ? last : new SigningException("No URL to fetch");
  }

  @Override
  public byte[] post(String url, byte[] content) {
    return client.post(url, contentType, content);
  }

  @Override
  public void setContentType(String contentType) {
    this.contentType = contentType;
  }
}
