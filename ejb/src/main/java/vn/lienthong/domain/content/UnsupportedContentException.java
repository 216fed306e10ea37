package vn.lienthong.domain.content;

import vn.lienthong.domain.DomainException;

/** The bytes are not of the kind the step takes (a PDF where a PDF is required). */
public class UnsupportedContentException extends DomainException {
  private static final long serialVersionUID = 1L;

  public UnsupportedContentException(String message) {
    super(message);
  }
}
