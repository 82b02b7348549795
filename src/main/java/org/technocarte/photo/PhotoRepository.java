package org.technocarte.photo;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PhotoRepository implements PanacheRepositoryBase<Photo, UUID> {

  public List<Photo> ofSighting(long sightingId) {
    return list("sightingId = ?1 ORDER BY createdAt, id", sightingId);
  }

  public long countOfSighting(long sightingId) {
    return count("sightingId", sightingId);
  }

  public Optional<Photo> ofSighting(long sightingId, UUID photoId) {
    return find("id = ?1 AND sightingId = ?2", photoId, sightingId).firstResultOptional();
  }

  /** Gives a photo that replaces another the other's date, so it keeps its place in the list. */
  public void keepCreationDate(UUID from, UUID to) {
    getEntityManager()
        .createNativeQuery(
            "UPDATE photo SET created_at = (SELECT created_at FROM photo WHERE id = :from)"
                + " WHERE id = :to")
        .setParameter("from", from)
        .setParameter("to", to)
        .executeUpdate();
  }
}
