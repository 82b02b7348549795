package org.technocarte.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.ProblemType;

/**
 * Reads a JSON request body strictly: bounded size (413), well-formed (400), no duplicate keys, no
 * trailing garbage, no NUL in any text (422, see {@link JsonText}).
 */
@ApplicationScoped
public class JsonBody {

  private final ObjectReader reader;
  private final ObjectReader unchecked;
  private final int maxBytes;

  public JsonBody(ObjectMapper mapper, TechnocarteConfig config) {
    this.reader = strict(mapper);
    this.unchecked = strict(new ObjectMapper());
    this.maxBytes = config.api().maxBodyBytes();
  }

  private static ObjectReader strict(ObjectMapper mapper) {
    return mapper
        .reader()
        .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * For a sighting, which SightingInputParser reads: it refuses NUL (and every other control
   * character) itself, field by field, in one answer with every other error of the body.
   */
  public JsonNode readFeature(InputStream in, MediaType type) {
    return read(in, type, maxBytes, unchecked);
  }

  /**
   * Reads at most the allowed bytes: a longer body is refused without being read whole. JSON is
   * UTF-8, but a charset that the client declares is honoured.
   */
  public JsonNode read(InputStream in, MediaType type) {
    return read(in, type, maxBytes);
  }

  /** The same with a larger limit, for the few endpoints that take files. */
  public JsonNode read(InputStream in, MediaType type, int maxBytes) {
    return read(in, type, maxBytes, reader);
  }

  private static JsonNode read(InputStream in, MediaType type, int maxBytes, ObjectReader reader) {
    byte[] body;
    try {
      body = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw ApiException.badRequest(
          ProblemType.UNREADABLE_BODY, "The request body could not be read");
    }
    if (body.length == 0) {
      throw ApiException.badRequest(ProblemType.EMPTY_BODY, "The request needs a JSON body");
    }
    if (body.length > maxBytes) {
      throw ApiException.tooLarge(maxBytes);
    }
    Charset charset = charset(type);
    JsonNode tree;
    try {
      tree =
          charset.equals(StandardCharsets.UTF_8)
              ? reader.readTree(body)
              : reader.readTree(new String(body, charset));
    } catch (JsonText.TextRefused e) {
      throw JsonText.refusal(e);
    } catch (IOException e) {
      throw ApiException.badRequest(
          ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
    }
    return tree;
  }

  private static Charset charset(MediaType type) {
    String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ProblemType.UNSUPPORTED_CHARSET, "Unsupported charset", "Send the body in UTF-8", null);
    }
  }

  public int maxBytes() {
    return maxBytes;
  }
}
