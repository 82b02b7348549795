package org.technocarte.sighting;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** Where the sighting stands in moderation; only approved ones are public. */
public enum Status implements WireValue {
  PENDING("pending"),
  APPROVED("approved"),
  REJECTED("rejected"),
  MERGED("merged");

  private final String wire;

  Status(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  @Converter(autoApply = true)
  public static class Column extends WireValue.Column<Status> {
    public Column() {
      super(Status.class);
    }
  }
}
