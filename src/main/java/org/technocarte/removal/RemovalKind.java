package org.technocarte.removal;

import org.technocarte.common.WireValue;

/** What a passer-by saw where an approved camera was. */
public enum RemovalKind implements WireValue {
  /** Nothing there any more. */
  GONE("gone"),
  /** The camera was taken down and put up again nearby. */
  MOVED("moved");

  private final String wire;

  RemovalKind(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
