package org.technocarte.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The photo store in PostgreSQL keeps its promises, and its files go with their photo row. */
@QuarkusTest
class DatabasePhotoStoreTest extends PhotoStoreContract {

  @Inject DatabasePhotoStore store;
  @Inject EntityManager em;

  @Override
  PhotoStore store() {
    return store;
  }

  @Test
  void shouldEraseTheFilesWithTheirPhotoRow() {
    UUID id = rows.newPhoto();
    store.put(id, PhotoStore.Variant.FULL, new byte[] {1, 2, 3});
    store.put(id, PhotoStore.Variant.THUMBNAIL, new byte[] {4});
    assertEquals(2, files(id));

    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("DELETE FROM photo WHERE id = :id")
                    .setParameter("id", id)
                    .executeUpdate());

    assertEquals(0, files(id));
  }

  private long files(UUID id) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM photo_file WHERE photo_id = :id")
                .setParameter("id", id)
                .getSingleResult())
        .longValue();
  }
}
