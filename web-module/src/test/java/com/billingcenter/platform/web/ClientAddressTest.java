package com.billingcenter.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private final ClientAddress behindNginx = new ClientAddress(Set.of("127.0.0.1", "10.0.0.5"));

  @Test
  void aDirectClientIsItsPeerWhateverItWritesInTheHeader() {
    assertEquals("203.0.113.9", behindNginx.resolve("203.0.113.9", "198.51.100.1"));
    assertEquals("203.0.113.9", new ClientAddress(Set.of()).resolve("203.0.113.9", "1.2.3.4"));
  }

  @Test
  void behindATrustedProxyTheClientIsTheLastAddressItAppended() {
    assertEquals("198.51.100.7", behindNginx.resolve("127.0.0.1", "198.51.100.7"));
    // A forged first entry is not believed: the proxy appended the address it saw last.
    assertEquals("198.51.100.7", behindNginx.resolve("127.0.0.1", "6.6.6.6, 198.51.100.7"));
    // Two trusted proxies in a row are skipped.
    assertEquals("198.51.100.7", behindNginx.resolve("127.0.0.1", "198.51.100.7, 10.0.0.5"));
    assertEquals("2001:db8::1", behindNginx.resolve("127.0.0.1", "2001:db8::1"));
  }

  @Test
  void aMissingOrGarbledHeaderLeavesThePeer() {
    assertEquals("127.0.0.1", behindNginx.resolve("127.0.0.1", null));
    assertEquals("127.0.0.1", behindNginx.resolve("127.0.0.1", " "));
    assertEquals("127.0.0.1", behindNginx.resolve("127.0.0.1", "<script>, 198.51.100.7x"));
    assertEquals("127.0.0.1", behindNginx.resolve("127.0.0.1", "10.0.0.5"));
  }

  @Test
  void limitsCountIpv6PerSlash64AndIpv4PerAddress() {
    assertEquals("2001:db8:1:2::/64", ClientAddress.counted("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
    assertEquals("2001:db8:1:2::/64", ClientAddress.counted("2001:0db8:0001:0002::1"));
    assertEquals("0:0:0:0::/64", ClientAddress.counted("::1"));
    assertEquals("198.51.100.7", ClientAddress.counted("198.51.100.7"));
    assertEquals("198.51.100.7", ClientAddress.counted("::ffff:198.51.100.7"), "IPv4 as IPv6");
    assertEquals("abc:xyz", ClientAddress.counted("abc:xyz"), "not an address: as it is");
  }
}
