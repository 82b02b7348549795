package org.technocarte.route;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.technocarte.common.config.RouteConfig;

/**
 * Writes the reaches and fields of view of technocarte.routes.* into camera_view_type and
 * camera_view_mount at start, where the database draws the cameras' views from; when they differ
 * from what the views were drawn with, every view is drawn again (and every street measured again).
 */
@ApplicationScoped
public class ViewDefaults {

  private static final Logger LOG = Logger.getLogger(ViewDefaults.class);

  private final EntityManager em;
  private final RouteConfig config;

  public ViewDefaults(EntityManager em, RouteConfig config) {
    this.em = em;
    this.config = config;
  }

  /** Whether the settings were written; until then they are tried again. */
  private volatile boolean applied;

  private volatile boolean warned;

  /**
   * The app starts even when the database does not answer (it then answers 503 until it does): a
   * write that fails is logged in one line and tried again every 30 s.
   */
  void onStart(@Observes StartupEvent start) {
    tryApply();
  }

  @Scheduled(
      every = "30s",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void retry() {
    if (!applied) {
      tryApply();
    }
  }

  private void tryApply() {
    try {
      // An hour: redrawing every view may take minutes (below); the default would roll it back.
      QuarkusTransaction.requiringNew().timeout(3600).run(this::apply);
      applied = true;
    } catch (RuntimeException e) {
      if (!warned) {
        warned = true;
        LOG.warnf(
            "The cameras' reaches are not written yet, tried again every 30 s: %s", e.getMessage());
      }
    }
  }

  private void apply() {
    RouteConfig.Range range = config.range();
    RouteConfig.FieldOfView fov = config.fieldOfView();
    List<Object[]> wanted =
        List.of(
            new Object[] {"fixed", range.fixed(), fov.fixed()},
            new Object[] {"dome", range.dome(), fov.dome()},
            new Object[] {"panning", range.panning(), 360},
            new Object[] {"unknown", range.unknown(), fov.unknown()});
    int changed = 0;
    for (Object[] row : wanted) {
      changed +=
          em.createNativeQuery(
                  "UPDATE camera_view_type SET range_m = ?2, field_of_view = ?3"
                      + " WHERE camera_type = ?1 AND (range_m, field_of_view) <> (?2, ?3)")
              .setParameter(1, row[0])
              .setParameter(2, row[1])
              .setParameter(3, row[2])
              .executeUpdate();
    }
    changed +=
        em.createNativeQuery(
                "INSERT INTO camera_view_mount VALUES ('ceiling', ?1) ON CONFLICT (mount) DO UPDATE"
                    + " SET range_m = excluded.range_m"
                    + " WHERE camera_view_mount.range_m <> excluded.range_m")
            .setParameter(1, config.ceilingRange())
            .executeUpdate();
    if (changed > 0) {
      LOG.info("The reaches of cameras changed: drawing every camera's view again");
      long start = System.nanoTime();
      // As a migration would: every approved camera (minutes at a million, see the README's
      // Routes section), far past the statement timeout of requests, which would cancel it at
      // every try. Only this transaction's limit is lifted.
      em.createNativeQuery("SELECT set_config('statement_timeout', '0', true)").getSingleResult();
      em.createNativeQuery("SELECT camera_view_rebuild()").getSingleResult();
      LOG.infof(
          "Every camera's view drawn again in %d s", (System.nanoTime() - start) / 1_000_000_000L);
    }
  }
}
