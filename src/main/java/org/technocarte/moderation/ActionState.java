package org.technocarte.moderation;

import java.time.LocalDate;
import java.util.Map;

/**
 * The state an action found or left: the sightings it touched (id → snapshot) and, for a merge, the
 * confirmation the target gained.
 */
public record ActionState(Map<Long, SightingSnapshot> sightings, Confirmation confirmation) {

  /** A "still there" confirmation of a sighting on a day. */
  public record Confirmation(long sightingId, LocalDate on) {}
}
