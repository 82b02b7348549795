package org.technocarte.sighting;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** What the camera is fixed to (OSM camera:mount). */
public enum Mount implements WireValue {
  POLE("pole"),
  WALL("wall"),
  CEILING("ceiling"),
  STREET_LAMP("street_lamp"),
  BUILDING("building"),
  TRAFFIC_SIGNALS("traffic_signals"),
  GANTRY("gantry"),
  OTHER("other");

  private final String wire;

  Mount(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Converter(autoApply = true)
  public static class Column extends WireValue.Column<Mount> {
    public Column() {
      super(Mount.class);
    }
  }
}
