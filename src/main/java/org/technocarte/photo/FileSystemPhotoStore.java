package org.technocarte.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.technocarte.common.config.PhotoConfig;

/**
 * Photos as files in one folder of one server, named by the photo's random id: `<id>.jpg`,
 * `<id>.thumb.jpg`. A file is written beside its final name and moved in place, so a reader never
 * sees half a photo.
 *
 * <p>A folder cannot join a database transaction, so the store follows it: files written in a
 * transaction that rolls back are removed when it ends, and files deleted in a transaction go only
 * once it has committed. A crash between the write and the commit can leave files without a row: no
 * one can reach them (ids are random), and no row ever points at a missing file.
 */
@ApplicationScoped
@Typed(FileSystemPhotoStore.class)
public class FileSystemPhotoStore implements PhotoStore {

  private static final Logger LOG = Logger.getLogger(FileSystemPhotoStore.class);

  private final Path dir;
  private final TransactionSynchronizationRegistry transactions;

  public FileSystemPhotoStore(PhotoConfig config, TransactionSynchronizationRegistry transactions) {
    this.dir = Path.of(config.dir()).toAbsolutePath().normalize();
    this.transactions = transactions;
  }

  @Override
  public void put(UUID photoId, Variant variant, byte[] jpeg) {
    Path target = path(photoId, variant);
    try {
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, ".upload-", ".part");
      try {
        Files.write(partial, jpeg);
        move(partial, target);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new Unwritable("Could not write a photo file in " + dir + ": " + describe(e), e);
    }
    switch (transactions.getTransactionStatus()) {
      case Status.STATUS_ACTIVE -> whenEnded(false, () -> Files.deleteIfExists(target));
      // Bound to roll back already: the file would never be wanted.
      case Status.STATUS_MARKED_ROLLBACK -> runLogged(() -> Files.deleteIfExists(target));
      default -> {}
    }
  }

  @Override
  public Optional<byte[]> get(UUID photoId, Variant variant) {
    try {
      return Optional.of(Files.readAllBytes(path(photoId, variant)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a photo", e);
    }
  }

  @Override
  public void delete(UUID photoId) {
    switch (transactions.getTransactionStatus()) {
      case Status.STATUS_ACTIVE -> whenEnded(true, () -> deleteFiles(photoId));
      case Status.STATUS_MARKED_ROLLBACK -> {} // it will not commit: the files stay
      default -> deleteFiles(photoId);
    }
  }

  private void deleteFiles(UUID photoId) {
    try {
      for (Variant variant : Variant.values()) {
        Files.deleteIfExists(path(photoId, variant));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete a photo", e);
    }
  }

  /** Names come from a UUID only, so no request can reach outside the folder. */
  private Path path(UUID photoId, Variant variant) {
    String name = photoId + (variant == Variant.THUMBNAIL ? ".thumb.jpg" : ".jpg");
    return dir.resolve(name);
  }

  private interface FileAction {
    void run() throws IOException;
  }

  /** Runs the action once the current transaction has ended, committed or not as asked. */
  private void whenEnded(boolean committed, FileAction action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if ((status == Status.STATUS_COMMITTED) == committed) {
              runLogged(action);
            }
          }
        });
  }

  /** After the transaction there is no one to answer to: a failure is logged, in one line. */
  private static void runLogged(FileAction action) {
    try {
      action.run();
    } catch (IOException | UncheckedIOException e) {
      LOG.errorf("A photo file could not be removed: %s", describe(e));
    }
  }

  /** The kind of failure and the path, which the JDK's messages often give alone. */
  private static String describe(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    return cause.getClass().getSimpleName() + " " + cause.getMessage();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
