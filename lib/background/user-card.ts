import { getUserView, type UserLookup, type UserView } from '@/lib/directory/user-view';
import type { CardGroup, UserCard } from '@/lib/messaging/views';
import type { BackgroundServices } from './services';
import type { SettingsCache } from './settings-cache';

const GROUP_TYPES = new Set(['OKTA_GROUP', 'APP_GROUP', 'BUILT_IN']);

/** Okta's admin console page of a user: `acme.okta.com` → `acme-admin.okta.com/admin/user/profile/view/{id}`. */
export function adminConsoleUrl(origin: string, userId: string): string {
  const url = new URL(origin);
  const [sub, ...rest] = url.hostname.split('.');
  const isOktaDomain = /^(okta|oktapreview|okta-emea|okta-gov)\.com$|^okta\.mil$/.test(rest.join('.'));
  const host = isOktaDomain ? [`${sub}-admin`, ...rest].join('.') : url.host;
  return `${url.protocol}//${host}/admin/user/profile/view/${encodeURIComponent(userId)}`;
}

export function toUserCard(view: UserView, origin: string): UserCard {
  const { user } = view;
  const factors = view.factors ?? user.factors?.items ?? null;
  return {
    id: user.id,
    status: user.status,
    transitioningToStatus: user.transitioningToStatus,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: user.lastLogin,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged,
    profile: user.profile,
    groups: view.groups
      .map((g) => ({ id: g.id, name: g.name, type: (GROUP_TYPES.has(g.type) ? g.type : 'APP_GROUP') as CardGroup['type'] }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    apps: view.apps
      .map(({ app, assignment }) => ({ id: app.id, label: app.label, signOnMode: app.signOnMode, scope: assignment.scope }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    factors: factors
      ? factors.map((f) => ({ id: f.id, factorType: f.factorType, provider: f.provider ?? '', status: f.status, name: f.vendorName }))
      : null,
    source: view.source,
    refreshedAt: new Date().toISOString(),
    adminUrl: adminConsoleUrl(origin, user.id),
  };
}

export type UserRef = { userId: string } | { email: string };

export function lookupOf(ref: UserRef): UserLookup {
  return 'userId' in ref ? { id: ref.userId } : { email: ref.email };
}

/** The connected org's origin, for the cards' admin console links. */
export async function oktaOrigin(settings: SettingsCache): Promise<string> {
  return (await settings.forDisplay()).oktaDomain ?? '';
}

/** The person's card from the local directory alone (null when they are not in it). */
export async function cachedUserCard({ directory, settings }: Pick<BackgroundServices, 'directory' | 'settings'>, ref: UserRef): Promise<UserCard | null> {
  const [view, origin] = await Promise.all([directory.openDb().then((db) => getUserView(db, lookupOf(ref))), oktaOrigin(settings)]);
  return view ? toUserCard(view, origin) : null;
}
