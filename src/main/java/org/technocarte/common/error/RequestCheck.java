package org.technocarte.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refuses, before any route reads it, a request whose path or query cannot be read as text: a NUL
 * character (PostgreSQL refuses it in text, so it would fail deep in a query), bytes that are not
 * UTF-8 once percent-decoded, a broken percent escape ({@code %}, {@code %G1}), or a request target
 * longer than the API reads. One rule here rather than a check on each parameter: a parameter added
 * tomorrow is covered too. Each refusal is a 400 (414 for the length) problem+json naming the
 * parameter, the path or the header.
 */
@ApplicationScoped
public class RequestCheck {

  private static final Logger LOG = Logger.getLogger(RequestCheck.class);

  /**
   * The longest request target read: room for the longest CQL2 filter the parser takes (20,000
   * characters, at most 60,000 once percent-encoded if ASCII), the path and the other parameters.
   * The HTTP layer's own limit (quarkus.http.limits.max-initial-line-length) is set above it, so
   * that a longer target gets this problem+json 414 rather than the layer's empty one.
   */
  public static final int MAX_TARGET_LENGTH = 64 * 1024;

  private final ObjectMapper mapper;

  public RequestCheck(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** After the security headers (so that refusals carry them), before every other route. */
  void install(@Observes @Priority(2) Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::failed);
  }

  private void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    String uri = request.uri();
    if (uri.length() > MAX_TARGET_LENGTH) {
      refuse(
          context,
          new ApiException(
              ProblemType.URI_TOO_LONG,
              "The path and query must not exceed " + MAX_TARGET_LENGTH + " characters"));
      return;
    }
    FieldError error = targetError(uri);
    if (error != null) {
      refuse(context, unreadable(error));
      return;
    }
    context.next();
  }

  /**
   * A request that the router itself refuses before any route (no Host header on HTTP/1.1, a path
   * it cannot read): answered here as problem+json rather than with the framework's own body.
   */
  private void failed(RoutingContext context) {
    if (context.response().ended()) {
      context.next();
      return;
    }
    // The router decodes the path to match routes, even before this check runs: a path it
    // cannot decode fails there, and is answered here as the check would have.
    FieldError unreadable = targetError(context.request().uri());
    if (unreadable != null) {
      refuse(context, unreadable(unreadable));
      return;
    }
    int status = context.statusCode();
    if (status < 400 || status >= 500) {
      context.next();
      return;
    }
    ApiException refusal =
        switch (status) {
          case 400 ->
              ApiException.badRequest(
                  ProblemType.BAD_REQUEST,
                  context.request().authority() == null
                      ? "The request needs a Host header"
                      : "The request could not be read");
          case 404 -> ApiException.notFound("No such resource");
          default -> ApiException.refused(status, "Refused", "The request was refused");
        };
    refuse(context, refusal);
  }

  private static ApiException unreadable(FieldError error) {
    return new ApiException(
        ProblemType.UNREADABLE_PARAMETER,
        null,
        error.field() + ": " + error.message(),
        List.of(error));
  }

  /** The first unreadable piece of the path or query, or null. */
  static FieldError targetError(String uri) {
    if (plain(uri)) {
      return null;
    }
    int question = uri.indexOf('?');
    String path = question < 0 ? uri : uri.substring(0, question);
    int hash = path.indexOf('#');
    if (hash >= 0) {
      path = path.substring(0, hash);
    }
    String problem = problem(path, false);
    if (problem != null) {
      return new FieldError("path", FieldCode.UNREADABLE, problem);
    }
    if (question < 0) {
      return notAUri(uri, "path");
    }
    String query = uri.substring(question + 1);
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      problem = problem(name, true);
      if (problem != null) {
        return new FieldError("query", FieldCode.UNREADABLE, "a parameter name " + problem);
      }
      if (equals >= 0) {
        problem = problem(pair.substring(equals + 1), true);
        if (problem != null) {
          return new FieldError(decode(name, true), FieldCode.UNREADABLE, problem);
        }
      }
    }
    return notAUri(uri, "query");
  }

  /**
   * The HTTP layer's own check of the target (a URI as {@link URI} reads it), done here so that its
   * refusal is problem+json too: the layer's is turned off at start ({@code Main}), as it answers
   * an empty 400 that nothing lets the app change.
   */
  private static FieldError notAUri(String uri, String where) {
    try {
      new URI(uri);
      return null;
    } catch (URISyntaxException e) {
      return new FieldError(
          where, FieldCode.UNREADABLE, "holds a character that must be percent-encoded");
    }
  }

  /**
   * Most targets (tiles, the map's reads) hold only the characters a URI allows unencoded and no
   * escape: nothing to do.
   */
  private static boolean plain(String uri) {
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~:/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** Why a piece of the target cannot be read as text, or null when it can. */
  private static String problem(String encoded, boolean query) {
    try {
      String text = decodeStrictly(encoded, query);
      return text.indexOf('\0') >= 0 ? "holds a NUL character (%00)" : null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    } catch (CharacterCodingException e) {
      return "is not UTF-8 once percent-decoded";
    }
  }

  /** The parameter's name for the answer: decoded when it can be, else as sent. */
  private static String decode(String encoded, boolean query) {
    try {
      return decodeStrictly(encoded, query);
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return encoded;
    }
  }

  /** Percent-decodes as UTF-8, refusing broken escapes and malformed bytes. */
  private static String decodeStrictly(String encoded, boolean query)
      throws CharacterCodingException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        int high = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException(
              "holds a broken percent escape (a % must be followed by two hexadecimal digits)");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+' && query) {
        bytes.write(' ');
      } else if (c > 0x7E) {
        // A request target is ASCII (RFC 9112): anything else arrives raw, unencoded.
        throw new IllegalArgumentException("holds a character that is not percent-encoded");
      } else {
        bytes.write(c);
      }
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes.toByteArray()))
        .toString();
  }

  private void refuse(RoutingContext context, ApiException refusal) {
    if (context.response().ended()) {
      return;
    }
    try {
      byte[] body = mapper.writeValueAsBytes(refusal.toProblem());
      context
          .response()
          .setStatusCode(refusal.status())
          .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
          .end(Buffer.buffer(body));
    } catch (JsonProcessingException e) {
      LOG.error("Could not write a refusal", e);
      context.response().setStatusCode(refusal.status()).end();
    }
  }
}
