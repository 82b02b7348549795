package org.technocarte.group;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.auth.CurrentUser;
import org.technocarte.auth.LoginRequired;
import org.technocarte.common.error.Problem;

/** Local groups: created by site admins, managed by their own admins, joined by invitation. */
@Path("/api/groups")
@Tag(name = "Groups", description = "Local groups, territories, members")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "Not logged in")
@APIResponse(responseCode = "403", description = "Not allowed for this account, or no CSRF token")
@APIResponse(responseCode = "404", description = "No such group")
@APIResponse(responseCode = "422", description = "Invalid fields")
public class GroupResource {

  private final GroupService groups;
  private final CurrentUser currentUser;

  public GroupResource(GroupService groups, CurrentUser currentUser) {
    this.groups = groups;
    this.currentUser = currentUser;
  }

  public record InviteRequest(String role) {}

  public record RoleChange(String role) {}

  @GET
  @Operation(summary = "Every local group with its territory")
  public List<GroupService.GroupView> list() {
    return groups.list();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One group")
  public GroupService.GroupView one(@PathParam("id") long id) {
    return groups.get(id);
  }

  @LoginRequired
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a group (site admin)",
      description = "Territory: a GeoJSON Polygon or MultiPolygon.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = GroupService.GroupView.class)))
  @APIResponse(responseCode = "409", description = "Name taken")
  public Response create(GroupService.GroupInput input) {
    GroupService.GroupView created = groups.create(currentUser.require(), orEmpty(input));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @LoginRequired
  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a group's name, city or territory (its admins)")
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content = @Content(schema = @Schema(implementation = GroupService.GroupView.class)))
  @APIResponse(responseCode = "409", description = "Stale version or name taken")
  public GroupService.GroupView update(@PathParam("id") long id, GroupService.GroupInput input) {
    return groups.update(currentUser.require(), id, orEmpty(input));
  }

  @LoginRequired
  @POST
  @Path("{id}/invites")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Make a one-time invitation link (group admins)",
      description = "No email is sent: pass the link on yourself.")
  @APIResponse(
      responseCode = "201",
      description = "The invitation",
      content = @Content(schema = @Schema(implementation = GroupService.Invitation.class)))
  public Response invite(@PathParam("id") long id, InviteRequest request) {
    String role = request == null ? null : request.role();
    return Response.status(Response.Status.CREATED)
        .entity(groups.invite(currentUser.require(), id, role))
        .build();
  }

  @POST
  @Path("join")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Use an invitation",
      description =
          "Logged in: joins the group. Otherwise creates the account with the given email, name and password.")
  @APIResponse(responseCode = "200", description = "Joined: the group id")
  @APIResponse(responseCode = "409", description = "An account with this email exists")
  public Map<String, Long> join(GroupService.Join join) {
    GroupService.Join j = join == null ? new GroupService.Join(null, null, null, null) : join;
    return Map.of("groupId", groups.join(currentUser.get(), j));
  }

  public record TerritoryCheckRequest(JsonNode territory, Long groupId) {}

  @LoginRequired
  @POST
  @Path("territory-check")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check a territory before saving it",
      description =
          "Its area, whether it is larger than a French region, and the other groups whose"
              + " territory it overlaps (groupId: the group being changed, left out).")
  @APIResponse(
      responseCode = "200",
      description = "The check",
      content = @Content(schema = @Schema(implementation = GroupService.TerritoryCheck.class)))
  public GroupService.TerritoryCheck checkTerritory(TerritoryCheckRequest request) {
    currentUser.require();
    return groups.check(
        request == null ? null : request.territory(), request == null ? null : request.groupId());
  }

  @LoginRequired
  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Delete a group (site admin)",
      description = "Its moderation actions stay in the history, without the group.")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") long id) {
    groups.delete(currentUser.require(), id);
    return Response.noContent().build();
  }

  @LoginRequired
  @GET
  @Path("{id}/members")
  @Operation(summary = "Members of a group (its members)")
  public List<GroupService.Member> members(@PathParam("id") long id) {
    return groups.members(currentUser.require(), id);
  }

  @LoginRequired
  @PATCH
  @Path("{id}/members/{userId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a member's role (group admins)",
      description = "Body: {\"role\": \"moderator\" | \"admin\"}")
  @APIResponse(
      responseCode = "200",
      description = "The member with the new role",
      content = @Content(schema = @Schema(implementation = GroupService.Member.class)))
  public GroupService.Member changeRole(
      @PathParam("id") long id, @PathParam("userId") long userId, RoleChange change) {
    return groups.changeRole(
        currentUser.require(), id, userId, change == null ? null : change.role());
  }

  @LoginRequired
  @DELETE
  @Path("{id}/members/{userId}")
  @Operation(summary = "Remove a member (group admins)")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response remove(@PathParam("id") long id, @PathParam("userId") long userId) {
    groups.removeMember(currentUser.require(), id, userId);
    return Response.noContent().build();
  }

  private static GroupService.GroupInput orEmpty(GroupService.GroupInput input) {
    return input == null ? new GroupService.GroupInput(null, null, null, null) : input;
  }
}
