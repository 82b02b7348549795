package org.technocarte.city;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The page of one city, at a real address (`/cities/2992166`) that can be shared and linked: the
 * built `cities/index.html`, whose script reads the code from the address. `/cities/` itself, the
 * list, is the same file served as a static one. A code the gazetteer does not know answers the
 * page too, with 404, and the page says so.
 */
@Path("/cities")
public class CityPageResource {

  static final String PAGE = "META-INF/resources/cities/index.html";

  private final Gazetteer gazetteer;
  private volatile byte[] page;

  public CityPageResource(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @GET
  @Path("{code: [0-9A-Za-z_-]{1,40}}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response page(@PathParam("code") String code) {
    byte[] html = html();
    if (html == null) {
      return Response.status(404).type(MediaType.TEXT_PLAIN).entity("Not built").build();
    }
    int status = gazetteer.place(code).isPresent() ? 200 : 404;
    // Revalidated on each visit, as every page shell: a deploy reaches users at once.
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-cache")
        .entity(html)
        .build();
  }

  /** The built page, read once; null when the front end is not built (a back-end-only run). */
  private byte[] html() {
    byte[] found = page;
    if (found == null) {
      try (InputStream in = CityPageResource.class.getClassLoader().getResourceAsStream(PAGE)) {
        found = in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      page = found;
    }
    return found;
  }
}
