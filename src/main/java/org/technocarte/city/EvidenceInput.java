package org.technocarte.city;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.technocarte.common.WireValue;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;

/**
 * A piece of evidence as a moderator sends it, every field checked and every problem reported at
 * once. Only the fields present are changed by an edit; `note: null` removes the note.
 */
public record EvidenceInput(
    Set<String> present,
    EvidenceKind kind,
    String title,
    LocalDate publishedOn,
    String url,
    String note,
    Integer version) {

  public enum Mode {
    CREATE,
    EDIT
  }

  static final int MAX_TITLE = 300;
  static final int MAX_URL = 2000;
  static final int MAX_NOTE = 2000;
  static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

  private static final Set<String> FIELDS = Set.of("kind", "title", "publishedOn", "url", "note");
  private static final Set<String> SET_BY_SERVER =
      Set.of("id", "cityCode", "createdAt", "updatedAt");

  /** The same rule as the database's CHECK: a scheme, a host, then no space or control. */
  private static final Pattern WEB_ADDRESS =
      Pattern.compile("(?i)https?://[^/?#\\s]+([/?#][^\\s\\p{Cntrl}]*)?");

  public boolean has(String field) {
    return present.contains(field);
  }

  public static EvidenceInput parse(JsonNode body, Mode mode) {
    if (body == null || !body.isObject()) {
      throw invalid(
          List.of(new FieldError("", FieldCode.WRONG_TYPE, "the body must be a JSON object")));
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> present = new LinkedHashSet<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (FIELDS.contains(name) || (name.equals("version") && mode == Mode.EDIT)) {
        present.add(name);
      } else if (SET_BY_SERVER.contains(name) || name.equals("version")) {
        errors.add(new FieldError(name, FieldCode.READ_ONLY, "is set by the server"));
      } else {
        errors.add(
            new FieldError(name, FieldCode.UNKNOWN_FIELD, "is not a field of a piece of evidence"));
      }
    }
    Fields f = new Fields(body, errors, mode == Mode.CREATE);
    EvidenceInput input =
        new EvidenceInput(
            present,
            f.kind(),
            f.text("title", MAX_TITLE, true),
            f.publishedOn(),
            f.url(),
            f.text("note", MAX_NOTE, false),
            f.version(mode == Mode.EDIT));
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return input;
  }

  private static ApiException invalid(List<FieldError> errors) {
    return ApiException.invalid("Invalid evidence", errors);
  }

  /** Reads one field each; a field absent from an edit is left alone. */
  private record Fields(JsonNode body, List<FieldError> errors, boolean creating) {

    private JsonNode value(String field, boolean required) {
      JsonNode node = body.get(field);
      if (node == null || node.isNull()) {
        if (required && (creating || node != null)) {
          errors.add(new FieldError(field, FieldCode.REQUIRED, "is required"));
        }
        return null;
      }
      if (!node.isTextual()) {
        errors.add(new FieldError(field, FieldCode.NOT_TEXT, "must be a string"));
        return null;
      }
      return node;
    }

    EvidenceKind kind() {
      JsonNode node = value("kind", true);
      if (node == null) {
        return null;
      }
      EvidenceKind kind = WireValue.parse(EvidenceKind.class, node.asText()).orElse(null);
      if (kind == null) {
        errors.add(
            new FieldError(
                "kind", FieldCode.NOT_ONE_OF, "must be " + WireValue.choices(EvidenceKind.class)));
      }
      return kind;
    }

    String text(String field, int max, boolean required) {
      JsonNode node = value(field, required);
      if (node == null) {
        return null;
      }
      String text = node.asText().strip();
      if (text.isEmpty() && !required) {
        return null;
      }
      if (text.isEmpty() || text.length() > max) {
        errors.add(
            new FieldError(
                field,
                FieldCode.LENGTH,
                "must be " + (required ? 1 : 0) + " to " + max + " characters"));
        return null;
      }
      return text;
    }

    LocalDate publishedOn() {
      JsonNode node = value("publishedOn", true);
      if (node == null) {
        return null;
      }
      try {
        LocalDate date = LocalDate.parse(node.asText());
        // Someone a few time zones ahead of the server may already be on the next day.
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
          errors.add(
              new FieldError(
                  "publishedOn",
                  FieldCode.OUT_OF_RANGE,
                  "must be a date from 1970-01-01 to today"));
          return null;
        }
        return date;
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError("publishedOn", FieldCode.NOT_A_DATE, "must be a date YYYY-MM-DD"));
        return null;
      }
    }

    String url() {
      JsonNode node = value("url", true);
      if (node == null) {
        return null;
      }
      String url = node.asText().strip();
      if (url.length() > MAX_URL) {
        errors.add(
            new FieldError("url", FieldCode.LENGTH, "must be at most " + MAX_URL + " characters"));
        return null;
      }
      if (!WEB_ADDRESS.matcher(url).matches() || !parses(url)) {
        errors.add(
            new FieldError(
                "url",
                FieldCode.NOT_A_WEB_ADDRESS,
                "must be a web address starting with https:// or http://"));
        return null;
      }
      return url;
    }

    private static boolean parses(String url) {
      try {
        URI uri = new URI(url);
        return uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank();
      } catch (URISyntaxException e) {
        return false;
      }
    }

    Integer version(boolean required) {
      JsonNode node = body.get("version");
      if (!required) {
        return null;
      }
      if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
        errors.add(
            new FieldError("version", FieldCode.REQUIRED, "is required: the version you edited"));
        return null;
      }
      return node.asInt();
    }
  }
}
