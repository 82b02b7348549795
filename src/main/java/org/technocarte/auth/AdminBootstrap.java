package org.technocarte.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.technocarte.common.config.TechnocarteConfig;

/**
 * Creates the first site administrator from TECHNOCARTE_ADMIN_EMAIL and TECHNOCARTE_ADMIN_PASSWORD
 * when there is none yet; later starts leave accounts alone.
 */
@ApplicationScoped
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

  private final TechnocarteConfig config;
  private final UserRepository users;

  public AdminBootstrap(TechnocarteConfig config, UserRepository users) {
    this.config = config;
    this.users = users;
  }

  @Transactional
  void onStart(@Observes StartupEvent start) {
    if (config.adminEmail().isEmpty() || config.adminPassword().isEmpty()) {
      return;
    }
    if (users.anySiteAdmin()) {
      return;
    }
    String password = config.adminPassword().get();
    if (password.length() < Passwords.MIN_LENGTH) {
      LOG.errorf(
          "TECHNOCARTE_ADMIN_PASSWORD is shorter than %d characters: no administrator created",
          Passwords.MIN_LENGTH);
      return;
    }
    String email = UserRepository.normalise(config.adminEmail().get());
    AppUser admin = users.findByEmail(email).orElseGet(AppUser::new);
    admin.email = email;
    admin.displayName = admin.displayName == null ? "Administration" : admin.displayName;
    admin.passwordHash = BcryptUtil.bcryptHash(password, Passwords.COST);
    admin.siteAdmin = true;
    users.persist(admin);
    LOG.info("Created the first site administrator");
  }
}
