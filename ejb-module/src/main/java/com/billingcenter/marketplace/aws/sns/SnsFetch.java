package com.billingcenter.marketplace.aws.sns;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One GET of a URL the caller has already allowed (a signing certificate or a {@code
 * SubscribeURL}): its status and at most {@code limit + 1} bytes of its body, so that the caller
 * can tell an oversize body. No redirect is followed: a redirect could lead off the allowed hosts.
 */
interface SnsFetch {

  /** The answer to a GET. */
  record Fetched(int status, byte[] body) {}

  Fetched get(String url, int limit) throws IOException, InterruptedException;

  /** GETs over the network, with short timeouts. */
  static SnsFetch overTheNetwork() {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return (url, limit) -> {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        return new Fetched(response.statusCode(), in.readNBytes(limit + 1));
      }
    };
  }
}
