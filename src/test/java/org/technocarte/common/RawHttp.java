package org.technocarte.common;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request byte for byte over a socket, for what an HTTP client refuses to send: broken
 * escapes, raw bytes, NUL in a header, no Host.
 */
final class RawHttp {

  record Answer(int status, String contentType, String body) {}

  private RawHttp() {}

  /**
   * Sends the request line and headers as given (each char one byte, ISO-8859-1), closing the
   * connection after the answer; a body may follow the blank line inside {@code head}.
   */
  static Answer send(String head) {
    String request = head.contains("\r\n\r\n") ? head : head + "Connection: close\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      String headers = end < 0 ? answer : answer.substring(0, end);
      String body = end < 0 ? "" : answer.substring(end + 4);
      int status = Integer.parseInt(headers.split(" ", 3)[1]);
      String type = null;
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          type = line.substring(line.indexOf(':') + 1).trim();
        }
      }
      return new Answer(status, type, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until the server closes, or until a whole answer with its Content-Length is in. */
  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      out.write(buffer, 0, read);
      if (complete(out.toString(StandardCharsets.ISO_8859_1))) {
        break;
      }
    }
    return out.toByteArray();
  }

  private static boolean complete(String sofar) {
    int end = sofar.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    for (String line : sofar.substring(0, end).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        int length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
        return sofar.length() - end - 4 >= length;
      }
    }
    return false;
  }
}
