package org.technocarte.sighting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * What other features (photos) may know about a sighting to decide who sees or changes what is
 * attached to it: its status, and whether the request holds its edit token. The token hash never
 * leaves this package.
 */
@ApplicationScoped
public class SightingAccess {

  private final EntityManager em;

  public SightingAccess(EntityManager em) {
    this.em = em;
  }

  /** A sighting as seen by one request. */
  public record Seen(Status status, boolean tokenHolder) {}

  /** The sighting, or empty when there is none. */
  public Optional<Seen> seen(long id, String editToken) {
    return row("SELECT status, edit_token_hash FROM sighting WHERE id = :id", id, editToken);
  }

  /**
   * The same, locking the sighting's row until the transaction ends, so that two uploads at once
   * cannot both pass a per-sighting count. Call it inside a transaction.
   */
  public Optional<Seen> seenForUpdate(long id, String editToken) {
    return row(
        "SELECT status, edit_token_hash FROM sighting WHERE id = :id FOR UPDATE", id, editToken);
  }

  private Optional<Seen> row(String sql, long id, String editToken) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).setParameter("id", id).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    Status status =
        org.technocarte.common.WireValue.parse(Status.class, (String) row[0]).orElseThrow();
    return Optional.of(
        new Seen(status, org.technocarte.common.Tokens.matches(editToken, (byte[]) row[1])));
  }
}
