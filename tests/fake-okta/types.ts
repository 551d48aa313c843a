/** The fake org's stored records. Routes turn them into Okta's JSON shapes (see serialize.ts). */

export const USER_STATUSES = [
  'ACTIVE',
  'PROVISIONED',
  'STAGED',
  'RECOVERY',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'SUSPENDED',
  'DEPROVISIONED',
] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export type UserProfile = Record<string, unknown> & {
  login: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
};

export interface UserRecord {
  id: string;
  status: UserStatus;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  profile: UserProfile;
  typeId: string;
  provider: { type: 'OKTA' | 'ACTIVE_DIRECTORY'; name: string };
  hasPassword: boolean;
}

export type GroupType = 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN';

export interface GroupRecord {
  id: string;
  type: GroupType;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  profile: { name: string; description: string | null } & Record<string, unknown>;
  /** For APP_GROUP: the app (directory) the group is imported from. */
  sourceAppId: string | null;
}

export const SIGN_ON_MODES = ['SAML_2_0', 'OPENID_CONNECT', 'BOOKMARK', 'AUTO_LOGIN', 'BROWSER_PLUGIN'] as const;
export type SignOnMode = (typeof SIGN_ON_MODES)[number];

export interface AppRecord {
  id: string;
  name: string;
  label: string;
  status: 'ACTIVE' | 'INACTIVE';
  signOnMode: SignOnMode;
  created: string;
  lastUpdated: string;
  /** The sign-on-mode specific part of the app (settings, credentials, …), already in Okta's shape. */
  details: Record<string, unknown>;
}

export interface AppUserRecord {
  userId: string;
  scope: 'USER' | 'GROUP';
  created: string;
  lastUpdated: string;
  statusChanged: string;
  userName: string;
}

export interface GroupAssignmentRecord {
  groupId: string;
  priority: number;
  lastUpdated: string;
}

export interface FactorRecord {
  id: string;
  factorType: string;
  provider: string;
  vendorName: string;
  status: 'ACTIVE' | 'PENDING_ACTIVATION';
  created: string;
  lastUpdated: string;
  profile: Record<string, unknown>;
}

export interface SessionRecord {
  id: string;
  createdAt: string;
  expiresAt: string;
}

/** A refresh token an OIDC app holds for the user (a part of Okta's OAuth2RefreshToken). */
export interface OAuthTokenRecord {
  id: string;
  clientId: string;
  scopes: string[];
  created: string;
  expiresAt: string;
}

export interface LogTarget {
  id: string;
  type: string;
  alternateId: string;
  displayName: string;
}

export interface LogEvent {
  uuid: string;
  published: string;
  eventType: string;
  version: string;
  severity: 'INFO' | 'WARN';
  displayMessage: string;
  actor: LogTarget;
  client: { ipAddress: string; device: string; userAgent: { rawUserAgent: string; os: string; browser: string } };
  outcome: { result: 'SUCCESS' | 'FAILURE' };
  target: LogTarget[];
  transaction: { type: string; id: string };
  debugContext: { debugData: Record<string, unknown> };
  legacyEventType?: string;
}
