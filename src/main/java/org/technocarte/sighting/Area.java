package org.technocarte.sighting;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** What the camera watches (OSM surveillance): public space, private outdoor, indoor. */
public enum Area implements WireValue {
  PUBLIC("public"),
  OUTDOOR("outdoor"),
  INDOOR("indoor");

  private final String wire;

  Area(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Converter(autoApply = true)
  public static class Column extends WireValue.Column<Area> {
    public Column() {
      super(Area.class);
    }
  }
}
