package org.technocarte.sighting;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** The kind of place watched (OSM surveillance:zone). */
public enum Zone implements WireValue {
  TOWN("town"),
  TRAFFIC("traffic"),
  PARKING("parking"),
  SHOP("shop"),
  BANK("bank"),
  BUILDING("building"),
  ENTRANCE("entrance"),
  OTHER("other");

  private final String wire;

  Zone(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Converter(autoApply = true)
  public static class Column extends WireValue.Column<Zone> {
    public Column() {
      super(Zone.class);
    }
  }
}
