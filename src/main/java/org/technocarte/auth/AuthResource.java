package org.technocarte.auth;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.error.Problem;
import org.technocarte.safety.AddressKeys;

/** Moderators log in and out; the session travels in an HttpOnly, SameSite=Strict cookie. */
@Path("/api/auth")
@Tag(name = "Login", description = "Moderators' sessions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class AuthResource {

  private final SessionService sessions;
  private final CurrentUser currentUser;
  private final HttpServerRequest request;
  private final AddressKeys addressKeys;

  public AuthResource(
      SessionService sessions,
      CurrentUser currentUser,
      HttpServerRequest request,
      AddressKeys addressKeys) {
    this.sessions = sessions;
    this.currentUser = currentUser;
    this.request = request;
    this.addressKeys = addressKeys;
  }

  public record Credentials(String email, String password) {}

  /** Who is logged in, their groups, and the CSRF token to send with every change. */
  public record Me(
      long id,
      String email,
      String displayName,
      boolean siteAdmin,
      @Schema(description = "Group id → role (moderator or admin)") Map<Long, String> roles,
      String csrfToken) {

    static Me of(Principal p, String csrfToken) {
      return new Me(p.id(), p.email(), p.displayName(), p.siteAdmin(), p.roles(), csrfToken);
    }
  }

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Log in", description = "Sets the session cookie; answers the CSRF token.")
  @APIResponse(
      responseCode = "200",
      description = "Logged in",
      content = @Content(schema = @Schema(implementation = Me.class)))
  @APIResponse(responseCode = "401", description = "Email or password is wrong (never says which)")
  @APIResponse(
      responseCode = "429",
      description = "Too many failed attempts for this account or address")
  public Response login(Credentials credentials, @Context UriInfo uri) {
    Credentials c = credentials == null ? new Credentials(null, null) : credentials;
    String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    SessionService.Login login =
        sessions.login(c.email(), c.password(), addressKeys.of(address).value());
    return Response.ok(Me.of(login.principal(), login.csrfToken()))
        .cookie(cookie(login.token(), (int) login.lifetime().toSeconds(), uri))
        .build();
  }

  @POST
  @Path("logout")
  @Operation(summary = "Log out", description = "Ends the session (needs the CSRF token).")
  @APIResponse(responseCode = "204", description = "Logged out")
  @APIResponse(responseCode = "401", description = "Not logged in")
  @APIResponse(responseCode = "403", description = "No CSRF token")
  public Response logout(@Context UriInfo uri) {
    currentUser.require();
    sessions.logout(currentUser.token());
    return Response.noContent().cookie(cookie("", 0, uri)).build();
  }

  @GET
  @Path("me")
  @Operation(summary = "The logged-in moderator, with the CSRF token of the session")
  @APIResponse(
      responseCode = "200",
      description = "Logged in",
      content = @Content(schema = @Schema(implementation = Me.class)))
  @APIResponse(responseCode = "401", description = "Not logged in")
  public Me me() {
    return Me.of(currentUser.require(), currentUser.csrfToken());
  }

  /** Secure whenever the site is reached over https (directly or through a proxy that says so). */
  private static NewCookie cookie(String value, int maxAge, UriInfo uri) {
    return new NewCookie.Builder(CurrentUser.COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure("https".equals(uri.getRequestUri().getScheme()))
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }
}
