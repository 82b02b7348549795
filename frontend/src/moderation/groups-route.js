// Where the Groups screens are, and what the signed-in person may do there (pure: unit-tested).

/** The route of a location hash: { view: 'queue' | 'list' | 'new' | 'group', id }. */
export function groupsRoute(hash) {
  if (hash === '#/groups' || hash === '#/groups/') return { view: 'list' };
  if (hash === '#/groups/new') return { view: 'new' };
  const match = /^#\/groups\/(\d+)$/.exec(hash);
  return match ? { view: 'group', id: Number(match[1]) } : { view: 'queue' };
}

/** The role `me` holds in a group: 'admin' for site admins, else the membership's role or null. */
export function roleIn(me, groupId) {
  if (me.siteAdmin) return 'admin';
  return me.roles?.[groupId] ?? null;
}
