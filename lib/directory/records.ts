import type { Application, AppUser, UserFactor, Group, User } from '@/lib/okta/schemas';
import { addressTokens, generationTokens, namePairsOf, normalizeText, wordsOf } from './tokens';

/** A user as stored: Okta's user without `_links` and credentials (only the provider is kept). */
export interface UserRecord {
  generation: number;
  id: string;
  status: string;
  created: string | null;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  transitioningToStatus: string | null;
  typeId: string | null;
  provider: { type: string | null; name: string | null } | null;
  /** The whole Okta profile, custom attributes included (for the field map). */
  profile: Record<string, unknown> & { login: string };
  /** Lowercased, for the exact-match indexes. */
  email: string;
  login: string;
  /** Lowercased "first last" (or display name, or login): the tie-break when ranking. */
  sortName: string;
  tokens: string[];
  /** Two-word name keys (see namePairsOf), generation-prefixed like tokens. */
  namePairs: string[];
  /** Cached by a live refresh; not kept by sync. */
  factors?: { fetchedAt: string; items: FactorRecord[] };
}

export type FactorRecord = Pick<UserFactor, 'id' | 'factorType' | 'status'> & {
  provider: string | null;
  vendorName: string | null;
  created: string | null;
  lastUpdated: string | null;
};

export interface GroupRecord {
  generation: number;
  id: string;
  type: string;
  name: string;
  description: string | null;
  created: string | null;
  lastUpdated: string;
  lastMembershipUpdated: string | null;
  tokens: string[];
}

export interface AppRecord {
  generation: number;
  id: string;
  name: string;
  label: string;
  status: string;
  signOnMode: string | null;
  created: string | null;
  lastUpdated: string | null;
  logoUrl: string | null;
  tokens: string[];
}

export interface MembershipRecord {
  generation: number;
  groupId: string;
  userId: string;
  /** The sync run that last confirmed this membership; a re-listed group drops members of older runs. */
  run: string;
}

export interface AssignmentRecord {
  generation: number;
  appId: string;
  userId: string;
  scope: 'USER' | 'GROUP';
  /** The group the assignment comes through, when scope is GROUP and Okta names it. */
  viaGroupId: string | null;
  status: string | null;
  userName: string | null;
  run: string;
}

export function sortNameOf(profile: User['profile']): string {
  const name = [profile.firstName, profile.lastName].filter((part) => part).join(' ');
  return normalizeText(name || profile.displayName || profile.login);
}

export function toUserRecord(user: User, generation: number): UserRecord {
  const { profile } = user;
  const email = normalizeText(profile.email ?? '');
  const login = normalizeText(profile.login);
  const provider = user.credentials?.provider;
  return {
    generation,
    id: user.id,
    status: user.status,
    created: user.created ?? null,
    activated: user.activated ?? null,
    statusChanged: user.statusChanged ?? null,
    lastLogin: user.lastLogin ?? null,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged ?? null,
    transitioningToStatus: user.transitioningToStatus ?? null,
    typeId: user.type?.id ?? null,
    provider: provider ? { type: provider.type ?? null, name: provider.name ?? null } : null,
    profile: { ...profile },
    email,
    login,
    sortName: sortNameOf(profile),
    ...searchKeysOf(profile, generation),
  };
}

/** The search index entries of a profile: single words and addresses, and two-word name pairs. */
export function searchKeysOf(profile: User['profile'], generation: number): Pick<UserRecord, 'tokens' | 'namePairs'> {
  const nameWords = [...wordsOf(profile.firstName), ...wordsOf(profile.lastName), ...wordsOf(profile.displayName)];
  return {
    tokens: generationTokens(generation, [...nameWords, ...addressTokens(profile.email), ...addressTokens(profile.login)]),
    namePairs: generationTokens(generation, namePairsOf(nameWords)),
  };
}

export function toGroupRecord(group: Group, generation: number): GroupRecord {
  return {
    generation,
    id: group.id,
    type: group.type,
    name: group.profile.name,
    description: group.profile.description ?? null,
    created: group.created ?? null,
    lastUpdated: group.lastUpdated,
    lastMembershipUpdated: group.lastMembershipUpdated ?? null,
    tokens: generationTokens(generation, wordsOf(group.profile.name)),
  };
}

export function toAppRecord(app: Application, generation: number): AppRecord {
  return {
    generation,
    id: app.id,
    name: app.name,
    label: app.label,
    status: app.status,
    signOnMode: app.signOnMode ?? null,
    created: app.created ?? null,
    lastUpdated: app.lastUpdated ?? null,
    logoUrl: app._links?.logo?.[0]?.href ?? null,
    tokens: generationTokens(generation, [...wordsOf(app.label), ...wordsOf(app.name)]),
  };
}

/** Okta links a group-sourced assignment to its group: `_links.group.href` ends with the group id. */
function viaGroupIdOf(appUser: AppUser): string | null {
  const href = appUser._links?.group?.href;
  if (!href) return null;
  return href.split('/').filter((part) => part).pop() ?? null;
}

export function toAssignmentRecord(appId: string, appUser: AppUser, generation: number, run: string): AssignmentRecord {
  return {
    generation,
    appId,
    userId: appUser.id,
    scope: appUser.scope === 'GROUP' ? 'GROUP' : 'USER',
    viaGroupId: appUser.scope === 'GROUP' ? viaGroupIdOf(appUser) : null,
    status: appUser.status ?? null,
    userName: appUser.credentials?.userName ?? null,
    run,
  };
}

export function toFactorRecord(factor: UserFactor): FactorRecord {
  return {
    id: factor.id,
    factorType: factor.factorType,
    status: factor.status,
    provider: factor.provider ?? null,
    vendorName: factor.vendorName ?? null,
    created: factor.created ?? null,
    lastUpdated: factor.lastUpdated ?? null,
  };
}
