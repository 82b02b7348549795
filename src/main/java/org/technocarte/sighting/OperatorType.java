package org.technocarte.sighting;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** Who runs the camera. */
public enum OperatorType implements WireValue {
  PUBLIC("public"),
  POLICE("police"),
  TRANSPORT("transport"),
  PRIVATE("private"),
  UNKNOWN("unknown");

  private final String wire;

  OperatorType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Converter(autoApply = true)
  public static class Column extends WireValue.Column<OperatorType> {
    public Column() {
      super(OperatorType.class);
    }
  }
}
