package org.technocarte.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The look-alike guide is the built `guide/index.html`, served as a static file at `/guide/`; the
 * short address people type or print on a flyer, `/guide`, leads there. Relative links of the page
 * need the trailing slash, so it is a redirect rather than the same page twice.
 */
@Path("/guide")
public class GuidePage {

  @GET
  @Operation(hidden = true)
  public Response guide() {
    return Response.status(Response.Status.MOVED_PERMANENTLY)
        .location(URI.create("/guide/"))
        .build();
  }
}
