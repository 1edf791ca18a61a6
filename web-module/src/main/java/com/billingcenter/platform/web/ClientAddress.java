package com.billingcenter.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address a request came from, as sign-in throttling and refusal logs need it. Behind a load
 * balancer every request comes from the balancer; when the direct peer is one of the trusted
 * proxies ({@code billing.security.trusted-proxies}, comma-separated addresses, none by default),
 * the client is the right-most address of {@code X-Forwarded-For} that is not a trusted proxy
 * itself. Anything else in that header is ignored: a client can write what it likes there, but not
 * past the proxy that appends the address it saw.
 */
public final class ClientAddress {

  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final Set<String> trusted;

  ClientAddress(Set<String> trusted) {
    this.trusted = Set.copyOf(trusted);
  }

  private static final class Configured {
    static final ClientAddress INSTANCE =
        new ClientAddress(
            ConfigProvider.getConfig()
                .getOptionalValues("billing.security.trusted-proxies", String.class)
                .orElse(List.of())
                .stream()
                .map(String::trim)
                .collect(Collectors.toSet()));
  }

  /** The client's address of {@code request}, by the configured trusted proxies. */
  public static String of(HttpServletRequest request) {
    return Configured.INSTANCE.resolve(
        request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }

  /**
   * The client of {@code request} as limits count it ({@link #counted(String)}): per address for
   * IPv4, per /64 network for IPv6.
   */
  public static String counted(HttpServletRequest request) {
    return counted(of(request));
  }

  /**
   * The key a per-address limit counts {@code address} under: an IPv4 address itself (also one
   * written as IPv6, {@code ::ffff:a.b.c.d}); an IPv6 address's /64 network, e.g. {@code
   * 2001:db8:1:2::/64}, since one customer line gets a whole /64 and would otherwise be 2^64
   * clients; anything else as it is.
   */
  public static String counted(String address) {
    if (address == null || !address.contains(":") || !IP.matcher(address).matches()) {
      return address;
    }
    try {
      InetAddress parsed = InetAddress.getByName(address);
      if (!(parsed instanceof Inet6Address)) {
        return parsed.getHostAddress();
      }
      byte[] bytes = parsed.getAddress();
      StringBuilder network = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        network.append(':');
      }
      return network.append(":/64").toString();
    } catch (UnknownHostException notAnAddress) {
      return address;
    }
  }

  /**
   * Whether the client reached us over HTTPS: directly, or through a trusted proxy that says so
   * ({@code X-Forwarded-Proto: https}, TLS ending at the load balancer).
   */
  public static boolean isHttps(HttpServletRequest request) {
    return request.isSecure()
        || Configured.INSTANCE.trusted.contains(request.getRemoteAddr())
            && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }

  String resolve(String peer, String forwardedFor) {
    if (!trusted.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!IP.matcher(hop).matches()) {
        return peer;
      }
      if (!trusted.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
