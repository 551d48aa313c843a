import type { FakeOrg } from './org';
import type { AppRecord, AppUserRecord, FactorRecord, GroupAssignmentRecord, GroupRecord, UserRecord } from './types';

/** Okta's JSON shapes for the stored records, with `_links` pointing at this server. */

const href = (url: string) => ({ href: url });

/** The lifecycle links Okta shows for each status (its docs warn they are a hint, not a promise). */
const USER_ACTION_LINKS: Record<UserRecord['status'], string[]> = {
  ACTIVE: ['suspend', 'resetPassword', 'expirePassword', 'forgotPassword', 'changePassword', 'changeRecoveryQuestion', 'resetFactors', 'deactivate'],
  PROVISIONED: ['reactivate', 'deactivate'],
  STAGED: ['activate', 'deactivate'],
  RECOVERY: ['reactivate', 'resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
  LOCKED_OUT: ['unlock', 'resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
  PASSWORD_EXPIRED: ['resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
  SUSPENDED: ['unsuspend', 'deactivate'],
  DEPROVISIONED: ['activate'],
};

const LINK_PATHS: Record<string, string> = {
  suspend: 'lifecycle/suspend',
  unsuspend: 'lifecycle/unsuspend',
  unlock: 'lifecycle/unlock',
  activate: 'lifecycle/activate',
  reactivate: 'lifecycle/reactivate',
  deactivate: 'lifecycle/deactivate',
  resetPassword: 'lifecycle/reset_password',
  expirePassword: 'lifecycle/expire_password',
  resetFactors: 'lifecycle/reset_factors',
  forgotPassword: 'credentials/forgot_password',
  changePassword: 'credentials/change_password',
  changeRecoveryQuestion: 'credentials/change_recovery_question',
};

export function userJson(baseUrl: string, user: UserRecord): Record<string, unknown> {
  const self = `${baseUrl}/api/v1/users/${user.id}`;
  const links: Record<string, unknown> = {
    self: href(self),
    schema: href(`${baseUrl}/api/v1/meta/schemas/user/osc1defaultuserschem`),
    type: href(`${baseUrl}/api/v1/meta/types/user/${user.typeId}`),
  };
  for (const action of USER_ACTION_LINKS[user.status]) {
    links[action] = { href: `${self}/${LINK_PATHS[action]}`, method: 'POST' };
  }
  const credentials: Record<string, unknown> = { provider: { ...user.provider } };
  if (user.hasPassword) credentials.password = {};
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: user.lastLogin,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged,
    type: { id: user.typeId },
    profile: { ...user.profile },
    credentials,
    _links: links,
  };
}

export function groupJson(baseUrl: string, group: GroupRecord, org?: FakeOrg): Record<string, unknown> {
  const self = `${baseUrl}/api/v1/groups/${group.id}`;
  const links: Record<string, unknown> = {
    logo: [
      { name: 'medium', href: `${baseUrl}/assets/img/logos/groups/okta-medium.png`, type: 'image/png' },
      { name: 'large', href: `${baseUrl}/assets/img/logos/groups/okta-large.png`, type: 'image/png' },
    ],
    users: href(`${self}/users`),
    apps: href(`${self}/apps`),
  };
  if (group.sourceAppId) links.source = href(`${baseUrl}/api/v1/apps/${group.sourceAppId}`);
  const json: Record<string, unknown> = {
    id: group.id,
    created: group.created,
    lastUpdated: group.lastUpdated,
    lastMembershipUpdated: group.lastMembershipUpdated,
    objectClass: [group.type === 'APP_GROUP' ? 'okta:windows_security_principal' : 'okta:user_group'],
    type: group.type,
    profile: { ...group.profile },
    _links: links,
  };
  if (org) json._embedded = { stats: { usersCount: org.membersOf(group.id).length, appsCount: 0, groupPushMappingsCount: 0, hasAdminPrivlege: false } };
  return json;
}

export function appJson(baseUrl: string, app: AppRecord): Record<string, unknown> {
  const self = `${baseUrl}/api/v1/apps/${app.id}`;
  return {
    id: app.id,
    orn: `orn:okta:idp:00o1fakeoktaorg00001:apps:${app.name}:${app.id}`,
    label: app.label,
    status: app.status,
    lastUpdated: app.lastUpdated,
    created: app.created,
    accessibility: { selfService: false },
    visibility: { autoSubmitToolbar: false, hide: { iOS: false, web: false }, appLinks: { [`${app.name}_link`]: true } },
    features: [],
    signOnMode: app.signOnMode,
    ...app.details,
    _links: {
      appLinks: [{ name: `${app.name}_link`, href: `${baseUrl}/home/${app.name}/${app.id}/aln1fakelink`, type: 'text/html' }],
      groups: href(`${self}/groups`),
      logo: [{ name: 'medium', href: `${baseUrl}/assets/img/logos/default.png`, type: 'image/png' }],
      users: href(`${self}/users`),
      deactivate: href(`${self}/lifecycle/deactivate`),
      self: href(self),
    },
  };
}

export function appUserJson(baseUrl: string, appId: string, record: AppUserRecord, user?: UserRecord): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: record.userId,
    created: record.created,
    lastUpdated: record.lastUpdated,
    scope: record.scope,
    status: 'ACTIVE',
    statusChanged: record.statusChanged,
    passwordChanged: null,
    syncState: 'DISABLED',
    credentials: { userName: record.userName },
    profile: {},
    _links: {
      app: href(`${baseUrl}/api/v1/apps/${appId}`),
      user: href(`${baseUrl}/api/v1/users/${record.userId}`),
    },
  };
  if (user) json._embedded = { user: userJson(baseUrl, user) };
  return json;
}

export function groupAssignmentJson(baseUrl: string, appId: string, assignment: GroupAssignmentRecord): Record<string, unknown> {
  return {
    id: assignment.groupId,
    lastUpdated: assignment.lastUpdated,
    priority: assignment.priority,
    profile: {},
    _links: {
      app: href(`${baseUrl}/api/v1/apps/${appId}`),
      self: href(`${baseUrl}/api/v1/apps/${appId}/groups/${assignment.groupId}`),
      group: href(`${baseUrl}/api/v1/groups/${assignment.groupId}`),
    },
  };
}

export function factorJson(baseUrl: string, userId: string, factor: FactorRecord): Record<string, unknown> {
  const self = `${baseUrl}/api/v1/users/${userId}/factors/${factor.id}`;
  return {
    id: factor.id,
    factorType: factor.factorType,
    provider: factor.provider,
    vendorName: factor.vendorName,
    status: factor.status,
    created: factor.created,
    lastUpdated: factor.lastUpdated,
    profile: { ...factor.profile },
    _links: {
      self: { href: self, hints: { allow: ['GET', 'DELETE'] } },
      verify: { href: `${self}/verify`, hints: { allow: ['POST'] } },
      user: { href: `${baseUrl}/api/v1/users/${userId}`, hints: { allow: ['GET'] } },
    },
  };
}

export function appLinkJson(baseUrl: string, app: AppRecord, record: AppUserRecord, sortOrder: number): Record<string, unknown> {
  return {
    id: `00ub${app.id.slice(3)}`,
    label: app.label,
    linkUrl: `${baseUrl}/home/${app.name}/${app.id}/aln1fakelink`,
    logoUrl: `${baseUrl}/assets/img/logos/default.png`,
    appName: app.name,
    appInstanceId: app.id,
    appAssignmentId: `0ua${record.userId.slice(3, 10)}${app.id.slice(3, 13)}`,
    credentialsSetup: false,
    hidden: false,
    sortOrder,
  };
}
