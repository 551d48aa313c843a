import { searchApps, searchGroups, searchUsers, userSummaryOf } from '@/lib/directory/search';
import { refreshUser } from '@/lib/directory/user-view';
import type { Handlers } from '@/lib/messaging/router';
import type { BackgroundServices } from '../services';
import { cachedUserCard, lookupOf, oktaOrigin, toUserCard } from '../user-card';

type DirectoryHandlers = Pick<
  Handlers,
  'syncNow' | 'clearDirectory' | 'readingDirectory' | 'searchDirectory' | 'getUserCard' | 'refreshUserCard' | 'searchGroups' | 'searchApps'
>;

export function directoryHandlers(services: BackgroundServices): DirectoryHandlers {
  const { directory, session } = services;
  return {
    syncNow({ mode }) {
      // Answers at once; progress is read through getStatus while the sync runs.
      void directory.syncNow(mode);
    },
    clearDirectory: () => directory.clear(),
    // The router has already told the sync (the message is interactive); nothing else to do.
    readingDirectory() {},
    async searchDirectory({ query }) {
      return (await searchUsers(await directory.openDb(), query)).map(userSummaryOf);
    },
    getUserCard: (ref) => cachedUserCard(services, ref),
    async refreshUserCard(ref) {
      const view = await refreshUser(await directory.openDb(), await session.client(), lookupOf(ref));
      return view ? toUserCard(view, await oktaOrigin(services.settings)) : null;
    },
    async searchGroups({ query }) {
      const groups = await searchGroups(await directory.openDb(), query);
      return groups.map((g) => ({ id: g.id, name: g.name, type: g.type }));
    },
    async searchApps({ query }) {
      const apps = await searchApps(await directory.openDb(), query);
      return apps.map((a) => ({ id: a.id, label: a.label, signOnMode: a.signOnMode }));
    },
  };
}
