package com.billingcenter.system.support;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server for the tests: speaks just enough SMTP to take messages and keeps each one's raw
 * text (headers and body) for the test to read. Listens on a free loopback port.
 */
public final class SmtpSink implements AutoCloseable {

  private final ServerSocket socket;
  private final List<String> messages = new CopyOnWriteArrayList<>();

  public SmtpSink() throws IOException {
    this(0);
  }

  /** A sink on {@code port} (0: a free one). */
  public SmtpSink(int port) throws IOException {
    socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "smtp-sink");
    accept.setDaemon(true);
    accept.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Every message received so far, raw. */
  public List<String> messages() {
    return List.copyOf(messages);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException closedOrBroken) {
        // the next client, or the end
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = client.getOutputStream();
    reply(out, "220 smtp-sink ready");
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
      switch (command) {
        case "DATA" -> {
          reply(out, "354 end with <CRLF>.<CRLF>");
          StringBuilder message = new StringBuilder();
          String data;
          while ((data = in.readLine()) != null && !data.equals(".")) {
            message.append(data.startsWith("..") ? data.substring(1) : data).append('\n');
          }
          messages.add(message.toString());
          reply(out, "250 kept");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "250 ok");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A raw mail's headers, then its body decoded (quoted-printable or base64, UTF-8). */
  public static String decoded(String raw) {
    int split = raw.indexOf("\n\n");
    String headers = split < 0 ? raw : raw.substring(0, split);
    String body = split < 0 ? "" : raw.substring(split + 2);
    String encoding = headers.toLowerCase(Locale.ROOT);
    if (encoding.contains("content-transfer-encoding: quoted-printable")) {
      body = quotedPrintable(body);
    } else if (encoding.contains("content-transfer-encoding: base64")) {
      body =
          new String(
              Base64.getMimeDecoder().decode(body.replaceAll("\\s", "")), StandardCharsets.UTF_8);
    }
    return headers + "\n\n" + body;
  }

  private static String quotedPrintable(String body) {
    String joined = body.replace("=\r\n", "").replace("=\n", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '=' && i + 2 < joined.length()) {
        bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
