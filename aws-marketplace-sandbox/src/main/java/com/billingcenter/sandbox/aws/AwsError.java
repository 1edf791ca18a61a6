package com.billingcenter.sandbox.aws;

/**
 * An error as AWS's JSON protocol reports it: HTTP status and {@code __type}, which the SDK turns
 * into the exception class of that name.
 */
public class AwsError extends RuntimeException {

  private final int status;
  private final String type;

  public AwsError(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }
}
