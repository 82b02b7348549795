package org.technocarte.common;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum whose values travel as lower-case words (`street_lamp`), the same in JSON, in the
 * database CHECK constraints and in query parameters.
 */
public interface WireValue {

  @JsonValue
  String wire();

  static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, String text) {
    for (E value : type.getEnumConstants()) {
      if (value.wire().equals(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The accepted words, for error messages: "one of fixed, dome, panning, unknown". */
  static <E extends Enum<E> & WireValue> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireValue::wire)
        .collect(Collectors.joining(", ", "one of ", ""));
  }

  /** Stores the wire word in the column. */
  abstract class Column<E extends Enum<E> & WireValue> implements AttributeConverter<E, String> {
    private final Class<E> type;

    protected Column(Class<E> type) {
      this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
      return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String text) {
      return text == null
          ? null
          : parse(type, text)
              .orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName()));
    }
  }
}
