package org.technocarte.common;

import jakarta.ws.rs.core.CacheControl;

/** Cache rules shared by the resources. */
public final class Caching {

  private Caching() {}

  /**
   * For answers that only their requester may see (a token, a pending sighting or its photos): no
   * shared cache keeps them, no cache stores them at all.
   */
  public static CacheControl privateNoStore() {
    CacheControl cache = new CacheControl();
    cache.setPrivate(true);
    cache.setNoStore(true);
    return cache;
  }
}
