package vn.lienthong.domain.exchange;

/** An envelope is queued for the router, then routed into deliveries. */
public enum EnvelopeStatus {
  QUEUED,
  ROUTED
}
