package org.technocarte.city;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** What a piece of VSA evidence is. */
public enum EvidenceKind implements WireValue {
  COUNCIL_DELIBERATION("council_deliberation"),
  PROCUREMENT_NOTICE("procurement_notice"),
  PREFECTORAL_ORDER("prefectoral_order"),
  PRESS("press");

  private final String wire;

  EvidenceKind(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Converter(autoApply = true)
  public static class Column extends WireValue.Column<EvidenceKind> {
    public Column() {
      super(EvidenceKind.class);
    }
  }
}
