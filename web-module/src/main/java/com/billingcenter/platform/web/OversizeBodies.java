package com.billingcenter.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refusing a body that is too large without reading it leaves a client that is still sending it
 * stuck: over HTTP/2 (cleartext upgrade included) the unread bytes fill the stream's flow-control
 * window, and a client that finishes sending before it reads waits for ever. So the rest of an
 * oversize body is read and thrown away, up to {@link #MAX_DRAINED}; beyond that the connection is
 * closed after the answer.
 */
public final class OversizeBodies {

  /** The most that is read and discarded to let the client hear the refusal. */
  public static final long MAX_DRAINED = 32L * 1024 * 1024;

  private OversizeBodies() {}

  public static void discard(HttpServletRequest request, HttpServletResponse response) {
    try {
      discard(request.getInputStream(), response);
    } catch (IOException | IllegalStateException gone) {
      response.setHeader("Connection", "close");
    }
  }

  /** The same for a body already being read (e.g. a JAX-RS entity stream). */
  public static void discard(InputStream body, HttpServletResponse response) {
    try (InputStream in = body) {
      long skipped = 0;
      byte[] buffer = new byte[64 * 1024];
      int read;
      while (skipped < MAX_DRAINED && (read = in.read(buffer)) >= 0) {
        skipped += read;
      }
      if (skipped >= MAX_DRAINED) {
        response.setHeader("Connection", "close");
      }
    } catch (IOException | IllegalStateException gone) {
      response.setHeader("Connection", "close");
    }
  }
}
