package org.technocarte.sighting;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** What is watching: a camera, a licence-plate reader (ALPR), a guard, or other. */
public enum SurveillanceType implements WireValue {
  CAMERA("camera"),
  ALPR("alpr"),
  GUARD("guard"),
  OTHER("other");

  private final String wire;

  SurveillanceType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Converter(autoApply = true)
  public static class Column extends WireValue.Column<SurveillanceType> {
    public Column() {
      super(SurveillanceType.class);
    }
  }
}
