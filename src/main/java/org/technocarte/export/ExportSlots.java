package org.technocarte.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.ApiException;

/**
 * How many exports stream at once. Each holds a database connection for its whole download (a
 * million cameras take tens of seconds), so without a bound a crowd of downloads would take every
 * pooled connection and stall the map and the moderation queue. Beyond the bound: 503 with
 * Retry-After.
 */
@ApplicationScoped
public class ExportSlots {

  static final long RETRY_AFTER_SECONDS = 30;

  private final Semaphore slots;
  private final int size;

  public ExportSlots(TechnocarteConfig config) {
    this.size = config.api().maxConcurrentExports();
    this.slots = new Semaphore(size);
  }

  /** A slot for one download, or 503 when all are taken. */
  public Slot take() {
    if (!slots.tryAcquire()) {
      throw new ApiException(
          503,
          "exports-busy",
          "Too many downloads at once",
          size + " exports are streaming; try again in a moment",
          null,
          RETRY_AFTER_SECONDS);
    }
    return new Slot();
  }

  /** Slots free now. */
  public int available() {
    return slots.availablePermits();
  }

  /** A taken slot; closing it gives it back, once, however many times it is closed. */
  public final class Slot implements AutoCloseable {
    private final AtomicBoolean held = new AtomicBoolean(true);

    @Override
    public void close() {
      if (held.compareAndSet(true, false)) {
        slots.release();
      }
    }
  }
}
