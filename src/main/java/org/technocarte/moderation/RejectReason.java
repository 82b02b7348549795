package org.technocarte.moderation;

import org.technocarte.common.WireValue;

/** Why a sighting is refused; `other` needs a comment. */
public enum RejectReason implements WireValue {
  DUPLICATE("duplicate"),
  NOT_SURVEILLANCE("not_surveillance"),
  WRONG_LOCATION("wrong_location"),
  PRIVATE_INFORMATION("private_information"),
  SPAM("spam"),
  OTHER("other");

  private final String wire;

  RejectReason(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
