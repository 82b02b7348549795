package org.technocarte.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Photos as rows of photo_file (bytea), beside their photo row: every instance reads the same
 * photos, a pg_dump holds them, and the files are written in the upload's own transaction, so a
 * photo row never exists without its files.
 *
 * <p>A stored photo is at most about 1 MB (2048 px JPEG), so byte[] it is: the JDBC driver holds a
 * whole bytea in memory anyway (only large objects stream, and those live outside the rows, need
 * their own clean-up and are easy to leave behind). The column is stored out of line without
 * compression (V37): JPEG does not compress.
 */
@ApplicationScoped
@Typed(DatabasePhotoStore.class)
public class DatabasePhotoStore implements PhotoStore {

  /**
   * PostgreSQL's answers that mean "cannot store this now": class 53 (insufficient resources: disk
   * full, out of memory) and a read-only transaction (a standby, or a database set read-only). A
   * lost connection is not among them: that is an outage, answered as one.
   */
  private static final Set<String> UNWRITABLE_STATES = Set.of("25006");

  private static final String UPSERT =
      """
      INSERT INTO photo_file (photo_id, variant, jpeg) VALUES (:id, :variant, :jpeg)
      ON CONFLICT (photo_id, variant) DO UPDATE SET jpeg = EXCLUDED.jpeg
      """;

  private final EntityManager em;

  public DatabasePhotoStore(EntityManager em) {
    this.em = em;
  }

  /** Joins the caller's transaction (the upload's), or makes its own. */
  @Override
  @Transactional
  public void put(UUID photoId, Variant variant, byte[] jpeg) {
    try {
      em.createNativeQuery(UPSERT)
          .setParameter("id", photoId)
          .setParameter("variant", name(variant))
          .setParameter("jpeg", jpeg)
          .executeUpdate();
    } catch (PersistenceException e) {
      String state = sqlState(e);
      if (state != null && (state.startsWith("53") || UNWRITABLE_STATES.contains(state))) {
        throw new Unwritable("The database refused a photo file (SQLSTATE " + state + ")", e);
      }
      throw e;
    }
  }

  @Override
  public Optional<byte[]> get(UUID photoId, Variant variant) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT jpeg FROM photo_file WHERE photo_id = :id AND variant = :variant")
            .setParameter("id", photoId)
            .setParameter("variant", name(variant))
            .getResultList();
    return rows.stream().findFirst().map(byte[].class::cast);
  }

  /** Usually a no-op: deleting the photo row has deleted its files already (ON DELETE CASCADE). */
  @Override
  @Transactional
  public void delete(UUID photoId) {
    em.createNativeQuery("DELETE FROM photo_file WHERE photo_id = :id")
        .setParameter("id", photoId)
        .executeUpdate();
  }

  private static String name(Variant variant) {
    return variant.name().toLowerCase(Locale.ROOT);
  }

  private static String sqlState(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
