import { z } from 'zod';
import type { OktaClient, Page } from './client';
import { listPage, quoteFilterValue, segment } from './call-options';
import type { CallOptions, ListOptions } from './call-options';
import { ActivationToken, AppLink, Group, ResetPasswordToken, TempPassword, User, UserFactor, UserSchema } from './schemas';
import type { UserProfile } from './schemas';

const USERS = '/api/v1/users';
const userPath = (id: string) => `${USERS}/${segment(id)}`;
const lifecycle = (id: string, action: string) => `${userPath(id)}/lifecycle/${action}`;

export interface ListUsersOptions extends ListOptions {
  /** Okta `filter` (status, lastUpdated, id, profile.login/email/firstName/lastName; includes DEPROVISIONED). */
  filter?: string;
  /** Okta `search` (any profile attribute; eventually consistent). */
  search?: string;
  /** Prefix match on name and email; omits DEPROVISIONED users. */
  q?: string;
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
}

/** Org-wide listing; defaults to background priority (sync). */
export function listUsers(client: OktaClient, opts: ListUsersOptions = {}): Promise<Page<User>> {
  const { filter, search, q, sortBy, sortOrder } = opts;
  return listPage(client, USERS, User, { filter, search, q, sortBy, sortOrder }, opts, 'background');
}

export function searchUsers(client: OktaClient, search: string, opts: Omit<ListUsersOptions, 'search'> = {}): Promise<Page<User>> {
  return listUsers(client, { ...opts, search });
}

/** By id, login or login short name. */
export async function getUser(client: OktaClient, idOrLogin: string, opts: CallOptions = {}): Promise<User> {
  return (await client.request('GET', userPath(idOrLogin), { ...opts, schema: User })).data;
}

/** The user the credentials belong to: proves a token or OAuth session works. */
export function getMe(client: OktaClient, opts: CallOptions = {}): Promise<User> {
  return getUser(client, 'me', opts);
}

/** Users whose primary email is exactly `email` (email is not unique in Okta; deprovisioned included). */
export async function findUserByEmail(client: OktaClient, email: string, opts: CallOptions = {}): Promise<User[]> {
  const page = await listPage(
    client,
    USERS,
    User,
    { filter: `profile.email eq ${quoteFilterValue(email)}` },
    { ...opts, limit: 20 },
    'interactive',
  );
  return page.items;
}

export interface CreateUserOptions extends CallOptions {
  /** Activate now (sends the activation email) instead of leaving the user STAGED. Default false. */
  activate?: boolean;
  groupIds?: string[];
}

export async function createUser(
  client: OktaClient,
  profile: UserProfile,
  opts: CreateUserOptions = {},
): Promise<User> {
  const body = { profile, ...(opts.groupIds?.length ? { groupIds: opts.groupIds } : {}) };
  return (
    await client.request('POST', USERS, {
      ...opts,
      schema: User,
      json: body,
      searchParams: { activate: opts.activate ?? false },
    })
  ).data;
}

/**
 * Partial profile update: only the given attributes change. Marked idempotent because sending the
 * same attribute values twice leaves the same profile, so a retry after a 5xx cannot do harm.
 */
export async function updateProfile(
  client: OktaClient,
  id: string,
  profile: Partial<UserProfile> & Record<string, unknown>,
  opts: CallOptions = {},
): Promise<User> {
  return (await client.request('POST', userPath(id), { ...opts, schema: User, json: { profile }, idempotent: true }))
    .data;
}

export interface SendEmailOption extends CallOptions {
  sendEmail?: boolean;
}

/** STAGED or DEPROVISIONED users. With `sendEmail: false` the activation URL comes back instead. */
export async function activateUser(client: OktaClient, id: string, opts: SendEmailOption = {}): Promise<ActivationToken> {
  const searchParams = { sendEmail: opts.sendEmail ?? true };
  return (await client.request('POST', lifecycle(id, 'activate'), { ...opts, schema: ActivationToken, searchParams }))
    .data;
}

/** PROVISIONED or RECOVERY users: restarts activation. */
export async function reactivateUser(client: OktaClient, id: string, opts: SendEmailOption = {}): Promise<ActivationToken> {
  const searchParams = { sendEmail: opts.sendEmail ?? false };
  return (await client.request('POST', lifecycle(id, 'reactivate'), { ...opts, schema: ActivationToken, searchParams }))
    .data;
}

/** Deprovisions the user from every app. Runs asynchronously in Okta. */
export async function deactivateUser(client: OktaClient, id: string, opts: SendEmailOption = {}): Promise<void> {
  await client.request('POST', lifecycle(id, 'deactivate'), { ...opts, searchParams: { sendEmail: opts.sendEmail ?? false } });
}

/**
 * Deletes a DEPROVISIONED user. On any other user Okta's first DELETE only deactivates, so a
 * blind retry could turn a deactivation into a permanent deletion: never retried.
 */
export async function deleteUser(client: OktaClient, id: string, opts: SendEmailOption = {}): Promise<void> {
  await client.request('DELETE', userPath(id), {
    ...opts,
    idempotent: false,
    searchParams: { sendEmail: opts.sendEmail ?? false },
  });
}

async function lifecycleWithoutBody(client: OktaClient, id: string, action: string, opts: CallOptions): Promise<void> {
  await client.request('POST', lifecycle(id, action), opts);
}

/** ACTIVE users only. */
export function suspendUser(client: OktaClient, id: string, opts: CallOptions = {}): Promise<void> {
  return lifecycleWithoutBody(client, id, 'suspend', opts);
}

/** SUSPENDED users only. */
export function unsuspendUser(client: OktaClient, id: string, opts: CallOptions = {}): Promise<void> {
  return lifecycleWithoutBody(client, id, 'unsuspend', opts);
}

/** LOCKED_OUT users (Okta-sourced only). */
export function unlockUser(client: OktaClient, id: string, opts: CallOptions = {}): Promise<void> {
  return lifecycleWithoutBody(client, id, 'unlock', opts);
}

/** Removes every enrolled factor; the user stays ACTIVE. */
export function resetFactors(client: OktaClient, id: string, opts: CallOptions = {}): Promise<void> {
  return lifecycleWithoutBody(client, id, 'reset_factors', opts);
}

export interface ResetPasswordOptions extends CallOptions {
  /** true: Okta emails the reset link; false: the one-time link comes back to show the agent. */
  sendEmail: boolean;
  revokeSessions?: boolean;
}

/** Moves the user to RECOVERY. `resetPasswordUrl` is null when Okta emailed the link. */
export async function resetPassword(
  client: OktaClient,
  id: string,
  opts: ResetPasswordOptions,
): Promise<{ resetPasswordUrl: string | null }> {
  const { data } = await client.request('POST', lifecycle(id, 'reset_password'), {
    ...opts,
    schema: ResetPasswordToken.optional(),
    searchParams: { sendEmail: opts.sendEmail, revokeSessions: opts.revokeSessions ?? false },
  });
  return { resetPasswordUrl: data?.resetPasswordUrl ?? null };
}

/** The user must choose a new password at next sign-in. Returns the updated user. */
export async function expirePassword(client: OktaClient, id: string, opts: CallOptions = {}): Promise<User> {
  return (await client.request('POST', lifecycle(id, 'expire_password'), { ...opts, schema: User })).data;
}

/** Expires the password and returns a temporary one, to be shown once and never stored. */
export async function expirePasswordWithTempPassword(
  client: OktaClient,
  id: string,
  opts: CallOptions & { revokeSessions?: boolean } = {},
): Promise<TempPassword> {
  return (
    await client.request('POST', lifecycle(id, 'expire_password_with_temp_password'), {
      ...opts,
      schema: TempPassword,
      searchParams: { revokeSessions: opts.revokeSessions ?? false },
    })
  ).data;
}

export async function listFactors(client: OktaClient, userId: string, opts: CallOptions = {}): Promise<UserFactor[]> {
  return (await client.request('GET', `${userPath(userId)}/factors`, { ...opts, schema: z.array(UserFactor) })).data;
}

export async function deleteFactor(
  client: OktaClient,
  userId: string,
  factorId: string,
  opts: CallOptions & { removeRecoveryEnrollment?: boolean } = {},
): Promise<void> {
  const searchParams = opts.removeRecoveryEnrollment ? { removeRecoveryEnrollment: true } : undefined;
  await client.request('DELETE', `${userPath(userId)}/factors/${segment(factorId)}`, { ...opts, searchParams });
}

/** Ends the user's Okta sessions; `oauthTokens` also revokes their OAuth/OIDC tokens. */
export async function clearSessions(
  client: OktaClient,
  userId: string,
  opts: CallOptions & { oauthTokens?: boolean } = {},
): Promise<void> {
  await client.request('DELETE', `${userPath(userId)}/sessions`, {
    ...opts,
    searchParams: { oauthTokens: opts.oauthTokens ?? false },
  });
}

export async function listUserGroups(client: OktaClient, userId: string, opts: CallOptions = {}): Promise<Group[]> {
  return (await client.request('GET', `${userPath(userId)}/groups`, { ...opts, schema: z.array(Group) })).data;
}

/** The user's app tiles: direct and group assignments alike. */
export async function listUserAppLinks(client: OktaClient, userId: string, opts: CallOptions = {}): Promise<AppLink[]> {
  return (await client.request('GET', `${userPath(userId)}/appLinks`, { ...opts, schema: z.array(AppLink) })).data;
}

/** The default user type's profile schema: base and custom attributes with titles and mutability. */
export async function getUserSchema(client: OktaClient, opts: CallOptions = {}): Promise<UserSchema> {
  return (await client.request('GET', '/api/v1/meta/schemas/user/default', { ...opts, schema: UserSchema })).data;
}
