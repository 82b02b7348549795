package org.technocarte.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
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
import org.technocarte.common.error.FieldCode;
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
    mapper.registerModule(
        new SimpleModule("json-text")
            .addDeserializer(String.class, new Text())
            .addDeserializer(JsonNode.class, new Tree()));
  }

  /** The 422 for a refused text, naming its field. */
  public static ApiException refusal(JsonMappingException refused) {
    return ApiException.invalid(
        "Invalid text",
        List.of(new FieldError(path(refused), FieldCode.CONTROL_CHARACTERS, MESSAGE)));
  }

  /**
   * The path of a binding failure as the other answers write it ({@code sightings[0].id}), "body"
   * for the body itself.
   */
  public static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      String name = ref.getFieldName();
      if (name != null) {
        if (!path.isEmpty() && !name.startsWith("[")) {
          path.append('.');
        }
        path.append(name);
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  /** The path of the first text holding a NUL in a tree ("" for the root), or null. */
  static String nulPath(JsonNode node, String path) {
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

  /** Trees too (bodies read whole, and members typed as any JSON such as a territory). */
  private static final class Tree extends StdDeserializer<JsonNode> {
    Tree() {
      super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode tree =
          JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
      String path = nulPath(tree, "");
      if (path != null) {
        TextRefused refused = new TextRefused(parser, null);
        if (!path.isEmpty()) {
          refused.prependPath(new JsonMappingException.Reference(null, path));
        }
        throw refused;
      }
      return tree;
    }

    @Override
    public JsonNode getNullValue(DeserializationContext context) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    /**
     * A member left out of the body stays null, as with Jackson's own tree deserializer: only an
     * explicit JSON null is a NullNode (a PATCH tells "leave the territory" from "clear it").
     */
    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return null;
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
