package org.technocarte.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.technocarte.sighting.SightingFixtures;

/** Photo rows made straight in the database, for the tests of the stores underneath them. */
@ApplicationScoped
public class PhotoRows {

  private final EntityManager em;

  public PhotoRows(EntityManager em) {
    this.em = em;
  }

  /** A new photo row, of a new pending sighting, with no file yet. */
  public UUID newPhoto() {
    long sighting =
        SightingFixtures.submitted(SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE));
    return insert(sighting);
  }

  @Transactional
  UUID insert(long sightingId) {
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "INSERT INTO photo (id, sighting_id, width, height, thumbnail_width, thumbnail_height,"
                + " byte_size) VALUES (:id, :sighting, 40, 30, 40, 30, 1000)")
        .setParameter("id", id)
        .setParameter("sighting", sightingId)
        .executeUpdate();
    return id;
  }

  /** Rows of a table, for the tests that check nothing was left behind. */
  public long count(String table) {
    return ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult())
        .longValue();
  }
}
