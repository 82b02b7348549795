package org.technocarte.common.error;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The answer of the current request once its head has left (a download streaming): no status can be
 * sent any more, and nothing may be appended to the body, or the client would take an error page
 * for the rest of its file.
 */
final class StartedAnswer {

  private StartedAnswer() {}

  /** Whether the head of the current request's answer has been sent. */
  static boolean headSent() {
    ResteasyReactiveRequestContext request = CurrentRequestManager.get();
    return request != null && request.serverResponse().headWritten();
  }

  /**
   * Closes the connection of the current request now, dropping what is still queued for it, so that
   * the client sees a cut answer (no last chunk) rather than one that looks whole. The HTTP layer's
   * own reset and close wait for the queued bytes to leave first, and the answer written after this
   * failure would slip in behind them, last chunk included.
   */
  static void cut() {
    ResteasyReactiveRequestContext request = CurrentRequestManager.get();
    RoutingContext http = request == null ? null : request.unwrap(RoutingContext.class);
    if (http == null) {
      return;
    }
    HttpConnection connection = http.request().connection();
    if (connection instanceof ConnectionBase base) {
      base.channel().close();
    } else {
      connection.close();
    }
  }
}
