package org.technocarte.sighting;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** Who brought the sighting in. */
public enum Source implements WireValue {
  WALKER("walker"),
  MODERATOR("moderator"),
  IMPORT("import");

  private final String wire;

  Source(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Converter(autoApply = true)
  public static class Column extends WireValue.Column<Source> {
    public Column() {
      super(Source.class);
    }
  }
}
