import { z } from 'zod';

/*
 * Okta's objects as this extension reads them. Every object is loose: Okta adds fields over time
 * and orgs add custom profile attributes, so unknown keys pass through untouched. Enums are strict
 * only where Okta documents a closed set that decisions depend on (user status, group type, app
 * status, assignment scope); open-ended sets (factor types, sign-on modes) are plain strings so a
 * new value from Okta does not break a whole page.
 */

const timestamp = z.string();
const nullableTimestamp = z.string().nullish();
const text = z.string().nullish();
const link = z.looseObject({ href: z.string() });

export const UserStatus = z.enum([
  'ACTIVE',
  'DEPROVISIONED',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'PROVISIONED',
  'RECOVERY',
  'STAGED',
  'SUSPENDED',
]);
export type UserStatus = z.infer<typeof UserStatus>;

export const UserProfile = z.looseObject({
  login: z.string(),
  email: text,
  secondEmail: text,
  firstName: text,
  lastName: text,
  displayName: text,
  mobilePhone: text,
  primaryPhone: text,
  title: text,
  department: text,
  manager: text,
});
export type UserProfile = z.infer<typeof UserProfile>;

export const User = z.looseObject({
  id: z.string().min(1),
  status: UserStatus,
  transitioningToStatus: z.enum(['ACTIVE', 'DEPROVISIONED', 'PROVISIONED']).nullish(),
  created: nullableTimestamp,
  activated: nullableTimestamp,
  statusChanged: nullableTimestamp,
  lastLogin: nullableTimestamp,
  lastUpdated: timestamp,
  passwordChanged: nullableTimestamp,
  type: z.looseObject({ id: z.string() }).nullish(),
  profile: UserProfile,
  credentials: z
    .looseObject({ provider: z.looseObject({ type: text, name: text }).nullish() })
    .nullish(),
  _links: z.record(z.string(), z.unknown()).nullish(),
});
export type User = z.infer<typeof User>;

export const GroupType = z.enum(['OKTA_GROUP', 'APP_GROUP', 'BUILT_IN']);
export type GroupType = z.infer<typeof GroupType>;

export const Group = z.looseObject({
  id: z.string().min(1),
  type: GroupType,
  created: nullableTimestamp,
  lastUpdated: timestamp,
  lastMembershipUpdated: nullableTimestamp,
  objectClass: z.array(z.string()).nullish(),
  profile: z.looseObject({ name: z.string(), description: text }),
  _embedded: z.looseObject({ stats: z.looseObject({ usersCount: z.number().nullish() }).nullish() }).nullish(),
});
export type Group = z.infer<typeof Group>;

export const AppUser = z.looseObject({
  id: z.string().min(1),
  scope: z.enum(['USER', 'GROUP']),
  status: text,
  externalId: text,
  created: nullableTimestamp,
  lastUpdated: nullableTimestamp,
  statusChanged: nullableTimestamp,
  syncState: text,
  credentials: z.looseObject({ userName: text }).nullish(),
  profile: z.record(z.string(), z.unknown()).nullish(),
  _embedded: z.record(z.string(), z.unknown()).nullish(),
  _links: z.looseObject({ group: link.nullish() }).nullish(),
});
export type AppUser = z.infer<typeof AppUser>;

export const Application = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  label: z.string(),
  status: z.enum(['ACTIVE', 'INACTIVE', 'DELETED']),
  signOnMode: text,
  created: nullableTimestamp,
  lastUpdated: nullableTimestamp,
  _links: z.looseObject({ logo: z.array(link).nullish() }).nullish(),
  /** With `expand=user/{id}`: that user's assignment to this app. */
  _embedded: z.looseObject({ user: AppUser.nullish() }).nullish(),
});
export type Application = z.infer<typeof Application>;

/** An app group assignment (`GET /apps/{id}/groups`). */
export const AppGroup = z.looseObject({
  id: z.string().min(1),
  priority: z.number().nullish(),
  lastUpdated: nullableTimestamp,
  profile: z.record(z.string(), z.unknown()).nullish(),
});
export type AppGroup = z.infer<typeof AppGroup>;

/** One tile of a user's dashboard (`GET /users/{id}/appLinks`), direct and group assignments alike. */
export const AppLink = z.looseObject({
  id: z.string(),
  appName: z.string(),
  appInstanceId: z.string(),
  appAssignmentId: text,
  label: z.string(),
  linkUrl: text,
  logoUrl: text,
  hidden: z.boolean().nullish(),
  sortOrder: z.number().nullish(),
  credentialsSetup: z.boolean().nullish(),
});
export type AppLink = z.infer<typeof AppLink>;

export const UserFactor = z.looseObject({
  id: z.string().min(1),
  factorType: z.string(),
  provider: text,
  vendorName: text,
  status: z.string(),
  created: nullableTimestamp,
  lastUpdated: nullableTimestamp,
  profile: z.record(z.string(), z.unknown()).nullish(),
});
export type UserFactor = z.infer<typeof UserFactor>;

export const UserSchemaAttribute = z.looseObject({
  title: z.string(),
  type: z.string().nullish(),
  description: text,
  mutability: text,
  scope: text,
  required: z.boolean().nullish(),
  permissions: z.array(z.looseObject({ principal: z.string(), action: z.string() })).nullish(),
  enum: z.array(z.unknown()).nullish(),
  oneOf: z.array(z.looseObject({ const: z.unknown(), title: z.string() })).nullish(),
  items: z.looseObject({ type: text }).nullish(),
  minLength: z.number().nullish(),
  maxLength: z.number().nullish(),
  format: text,
  master: z.looseObject({ type: text }).nullish(),
});
export type UserSchemaAttribute = z.infer<typeof UserSchemaAttribute>;

const UserSchemaSection = z.looseObject({
  id: text,
  type: text,
  properties: z.record(z.string(), UserSchemaAttribute),
  required: z.array(z.string()).nullish(),
});

/** `GET /api/v1/meta/schemas/user/default`: the base and custom profile attributes. */
export const UserSchema = z.looseObject({
  id: text,
  name: text,
  title: text,
  definitions: z.looseObject({ base: UserSchemaSection, custom: UserSchemaSection }),
});
export type UserSchema = z.infer<typeof UserSchema>;

export const LogEvent = z.looseObject({
  uuid: z.string(),
  published: z.string(),
  eventType: z.string(),
  displayMessage: text,
  severity: text,
  legacyEventType: text,
  actor: z.looseObject({ id: z.string(), type: z.string(), alternateId: text, displayName: text }).nullish(),
  target: z
    .array(z.looseObject({ id: z.string(), type: z.string(), alternateId: text, displayName: text }))
    .nullish(),
  outcome: z.looseObject({ result: z.string(), reason: text }).nullish(),
  transaction: z.looseObject({ id: text, type: text }).nullish(),
});
export type LogEvent = z.infer<typeof LogEvent>;

/** `{}` when Okta emailed the link itself; the one-time URL when `sendEmail=false`. */
export const ResetPasswordToken = z.looseObject({ resetPasswordUrl: z.string().optional() });
export type ResetPasswordToken = z.infer<typeof ResetPasswordToken>;

export const TempPassword = z.looseObject({ tempPassword: z.string() });
export type TempPassword = z.infer<typeof TempPassword>;

/** `{}` when Okta sent the activation email; the token and URL when `sendEmail=false`. */
export const ActivationToken = z.looseObject({
  activationToken: z.string().optional(),
  activationUrl: z.string().optional(),
});
export type ActivationToken = z.infer<typeof ActivationToken>;

export const OktaErrorBody = z.looseObject({
  errorCode: z.string(),
  errorSummary: z.string().nullish(),
  errorLink: text,
  errorId: text,
  errorCauses: z.array(z.looseObject({ errorSummary: z.string() })).nullish(),
});
export type OktaErrorBody = z.infer<typeof OktaErrorBody>;
