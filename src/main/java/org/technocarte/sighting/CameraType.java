package org.technocarte.sighting;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** The shape of the camera, which tells what it can see. */
public enum CameraType implements WireValue {
  FIXED("fixed"),
  DOME("dome"),
  PANNING("panning"),
  UNKNOWN("unknown");

  private final String wire;

  CameraType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Converter(autoApply = true)
  public static class Column extends WireValue.Column<CameraType> {
    public Column() {
      super(CameraType.class);
    }
  }
}
