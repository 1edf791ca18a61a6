package com.billingcenter.marketplace.aws.sns;

/** Why an SNS message is refused; nothing was done with it. */
public class SnsRefusal extends RuntimeException {

  /** What was wrong, with the HTTP status that says it. */
  public enum Reason {
    MALFORMED(400),
    CERTIFICATE_URL(400),
    CERTIFICATE(400),
    UNKNOWN_TOPIC(403),
    BAD_SIGNATURE(403),
    NOT_CONFIGURED(503),
    /** The signing certificate could not be fetched (now or a moment ago): SNS retries a 5xx. */
    CERTIFICATE_UNAVAILABLE(503);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Reason reason;
  private final boolean signed;

  public SnsRefusal(Reason reason, String message) {
    this(reason, message, false);
  }

  private SnsRefusal(Reason reason, String message, boolean signed) {
    super(message);
    this.reason = reason;
    this.signed = signed;
  }

  public Reason reason() {
    return reason;
  }

  /**
   * Whether the refused message's signature verified: SNS sent it, and it is kept for the
   * operators.
   */
  public boolean signed() {
    return signed;
  }

  /** This refusal, of a message whose signature verified. */
  SnsRefusal ofSigned() {
    return signed ? this : new SnsRefusal(reason, getMessage(), true);
  }
}
