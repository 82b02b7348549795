package org.technocarte.auth;

import java.util.Map;

/** Who is acting: a logged-in moderator, with the role held in each group (group id → role). */
public record Principal(
    long id, String email, String displayName, boolean siteAdmin, Map<Long, String> roles) {

  public static final String MODERATOR = "moderator";
  public static final String ADMIN = "admin";

  public boolean isAdminOf(long groupId) {
    return siteAdmin || ADMIN.equals(roles.get(groupId));
  }

  public boolean isMemberOf(long groupId) {
    return siteAdmin || roles.containsKey(groupId);
  }
}
