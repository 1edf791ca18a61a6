package com.billingcenter.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Request bodies have a limit everywhere. The JSON API takes at most 64 KiB ({@link #MAX_API_BODY};
 * the largest legitimate body, a registration or a workspace, is well under 1 KiB) and pages' forms
 * at most 1 MiB ({@link #MAX_FORM}); a larger body is answered 413 (a JSON error for the API, a
 * short page for forms) before anything parses it. Usage batches ({@code /api/v1/usage}, 4 MiB) and
 * AWS Marketplace's endpoints ({@code /marketplace/*}, 16 to 256 KiB) check their own limits. A
 * body sent to the API without a length (chunked, or an HTTP/2 stream) is read here up to the limit
 * and handed on from memory; a form without one is refused (411: browsers always send it). The rest
 * of a refused body is read and dropped ({@link OversizeBodies}) so that the client hears the
 * answer instead of waiting.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BodyLimitFilter extends HttpFilter {

  /** The largest body the JSON API reads, usage batches aside. */
  public static final int MAX_API_BODY = 64 * 1024;

  /** The largest form a page takes. */
  public static final int MAX_FORM = 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(BodyLimitFilter.class.getName());

  /** Methods whose requests carry no body to read. */
  private static final Set<String> BODILESS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/api/v1/usage")
        || path.startsWith("/marketplace/")
        || BODILESS.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    boolean api = path.startsWith("/api/");
    int max = api ? MAX_API_BODY : MAX_FORM;
    long length = request.getContentLengthLong();
    if (length > max) {
      refuse(request, response, api, max, length + " bytes");
      return;
    }
    if (length < 0 && !api) {
      // Browsers always send a form's length; the server would parse the parameters itself.
      RefusedRequestLog.log(LOG, request, 411, "a form without a length");
      response.sendError(411);
      return;
    }
    if (length < 0) {
      byte[] body = request.getInputStream().readNBytes(max + 1);
      if (body.length > max) {
        refuse(request, response, api, max, "a body without a length");
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, boolean api, int max, String what)
      throws IOException {
    RefusedRequestLog.log(LOG, request, 413, "a body of " + what + " over " + max / 1024 + " KiB");
    OversizeBodies.discard(request, response);
    response.setStatus(413);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String message = "The request body is larger than " + max / 1024 + " KiB.";
    if (api) {
      response.setContentType("application/json");
      response.getWriter().write(ApiErrors.json("tooLarge", message));
    } else {
      response.setContentType("text/html");
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too large"
                  + "</title></head><body><h1>The form is too large</h1><p>"
                  + message
                  + "</p><p lang=\"zh\">表单过大。</p></body></html>");
    }
  }

  /** The request with its body already read into memory. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              getInputStream(),
              encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("The body has already been read");
        }
      };
    }
  }
}
