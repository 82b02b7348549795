package org.technocarte.photo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.photo.PhotoStore.Variant;

/**
 * What every photo store does, run against each of them for real: the database one and the folder
 * one. Each test works on a photo row of its own (the database store's files belong to one).
 */
abstract class PhotoStoreContract {

  /** Not JPEG, which no store looks into: bytes it must give back as they were. */
  private static final byte[] FULL = bytes(300_000, 7);

  private static final byte[] THUMBNAIL = bytes(20_000, 11);

  @Inject PhotoRows rows;

  private UUID id;

  abstract PhotoStore store();

  @BeforeEach
  void aPhotoRow() {
    id = rows.newPhoto();
  }

  @Test
  void shouldGiveBackEachFileAsItWasPut() {
    store().put(id, Variant.FULL, FULL);
    store().put(id, Variant.THUMBNAIL, THUMBNAIL);

    assertArrayEquals(FULL, store().get(id, Variant.FULL).orElseThrow());
    assertArrayEquals(THUMBNAIL, store().get(id, Variant.THUMBNAIL).orElseThrow());
  }

  @Test
  void shouldReplaceAFilePutAgain() {
    store().put(id, Variant.FULL, FULL);
    store().put(id, Variant.FULL, THUMBNAIL);

    assertArrayEquals(THUMBNAIL, store().get(id, Variant.FULL).orElseThrow());
    assertTrue(store().get(id, Variant.THUMBNAIL).isEmpty(), "the other variant was never put");
  }

  @Test
  void shouldDeleteBothFilesOfAPhoto() {
    UUID other = rows.newPhoto();
    store().put(id, Variant.FULL, FULL);
    store().put(id, Variant.THUMBNAIL, THUMBNAIL);
    store().put(other, Variant.FULL, FULL);

    store().delete(id);

    assertTrue(store().get(id, Variant.FULL).isEmpty());
    assertTrue(store().get(id, Variant.THUMBNAIL).isEmpty());
    assertArrayEquals(FULL, store().get(other, Variant.FULL).orElseThrow(), "others stay");
  }

  @Test
  void shouldAnswerEmptyForWhatIsNotThere() {
    assertTrue(store().get(id, Variant.FULL).isEmpty());
    assertTrue(store().get(UUID.randomUUID(), Variant.THUMBNAIL).isEmpty());
    store().delete(id);
    store().delete(UUID.randomUUID());
  }

  @Test
  void shouldLeaveNothingOfAPutWhoseTransactionRolledBack() {
    rolledBack(
        () -> {
          store().put(id, Variant.FULL, FULL);
          store().put(id, Variant.THUMBNAIL, THUMBNAIL);
          assertArrayEquals(FULL, store().get(id, Variant.FULL).orElseThrow());
        });

    assertTrue(store().get(id, Variant.FULL).isEmpty());
    assertTrue(store().get(id, Variant.THUMBNAIL).isEmpty());
  }

  @Test
  void shouldKeepTheFilesOfADeletionWhoseTransactionRolledBack() {
    store().put(id, Variant.FULL, FULL);

    rolledBack(() -> store().delete(id));

    assertArrayEquals(FULL, store().get(id, Variant.FULL).orElseThrow());
    QuarkusTransaction.requiringNew().run(() -> store().delete(id));
    assertTrue(store().get(id, Variant.FULL).isEmpty(), "deleted once committed");
  }

  /** Runs the work in a transaction that a failure after it rolls back, as an upload's would. */
  private static void rolledBack(Runnable work) {
    class Failure extends RuntimeException {}
    assertThrows(
        Failure.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      work.run();
                      throw new Failure();
                    }));
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }
}
