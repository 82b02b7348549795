package org.technocarte.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldError;

/**
 * The one rule for text in JSON bodies: no NUL character, which PostgreSQL refuses in text. It
 * holds for bodies bound to records (through the mapper every resource uses) and for bodies read as
 * trees by {@link JsonBody}; either way the answer is the 422 that names the field, as for any
 * other invalid field.
 */
@Singleton
public class JsonText implements ObjectMapperCustomizer {

  public static final String MESSAGE = "must not contain a NUL character";

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(new SimpleModule("json-text").addDeserializer(String.class, new Text()));
  }

  /** Refuses a tree holding a NUL in a string or a member name, naming its path. */
  public static void check(JsonNode tree) {
    String path = nulPath(tree, "");
    if (path != null) {
      throw ApiException.invalid(
          "Invalid text", List.of(new FieldError(path.isEmpty() ? "body" : path, MESSAGE)));
    }
  }

  private static String nulPath(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.textValue().indexOf('\0') >= 0 ? path : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = nulPath(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        String child = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
        if (member.getKey().indexOf('\0') >= 0) {
          return path.isEmpty() ? "body" : path;
        }
        String found = nulPath(member.getValue(), child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** A string refused for its content: the mapper answers it 422, with the field's path. */
  public static final class TextRefused extends InvalidFormatException {
    TextRefused(JsonParser parser, String value) {
      super(parser, MESSAGE, value, String.class);
    }
  }

  private static final class Text extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = super.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        throw new TextRefused(parser, value);
      }
      return value;
    }
  }
}
