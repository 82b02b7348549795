package org.technocarte.photo;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PhotoRepository implements PanacheRepositoryBase<Photo, UUID> {

  public List<Photo> ofSighting(long sightingId) {
    return list("sightingId = ?1 AND removalReportId IS NULL ORDER BY createdAt, id", sightingId);
  }

  public long countOfSighting(long sightingId) {
    return count("sightingId = ?1 AND removalReportId IS NULL", sightingId);
  }

  public Optional<Photo> ofSighting(long sightingId, UUID photoId) {
    return find("id = ?1 AND sightingId = ?2 AND removalReportId IS NULL", photoId, sightingId)
        .firstResultOptional();
  }

  /** The photo of a removal report, if it has one. */
  public Optional<Photo> ofReport(long reportId) {
    return find("removalReportId", reportId).firstResultOptional();
  }

  /** The photos of the given removal reports. */
  public List<Photo> ofReports(List<Long> reportIds) {
    return reportIds.isEmpty() ? List.of() : list("removalReportId IN ?1", reportIds);
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
