package org.technocarte.sighting;

import jakarta.persistence.Converter;
import org.technocarte.common.WireValue;

/** Where the sighting stands in moderation; approved and removed ones are public. */
public enum Status implements WireValue {
  PENDING("pending"),
  APPROVED("approved"),
  REJECTED("rejected"),
  MERGED("merged"),
  /** Seen gone and confirmed by a moderator: kept, with its removal date, off the default map. */
  REMOVED("removed");

  /** What anyone may read. */
  public static final java.util.Set<Status> PUBLIC = java.util.EnumSet.of(APPROVED, REMOVED);

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
