package org.technocarte.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<AppUser, Long> {

  public Optional<AppUser> findByEmail(String email) {
    return find("email", normalise(email)).firstResultOptional();
  }

  public boolean anySiteAdmin() {
    return count("siteAdmin", true) > 0;
  }

  public static String normalise(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }
}
