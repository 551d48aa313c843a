import { z } from 'zod';
import { message } from '../define';
import type { UserCard, UserSummary } from '../views';

const UserRef = z.union([
  z.object({ userId: z.string().min(1).max(100) }),
  z.object({ email: z.string().min(3).max(320) }),
]);

export const directoryMessages = {
  syncNow: message<void>()(z.object({ mode: z.enum(['full', 'incremental']).default('full') }), ['extension-page']),
  clearDirectory: message<void>()(z.undefined(), ['extension-page']),
  /** The popup is searching the directory itself (same origin): the sync holds its writes meanwhile. */
  readingDirectory: message<void>()(z.undefined(), ['extension-page'], { interactive: true }),
  searchDirectory: message<UserSummary[]>()(z.object({ query: z.string().max(200) }), ['extension-page'], { interactive: true }),
  /** The cached card at once (null when the person is not in the directory). */
  getUserCard: message<UserCard | null>()(UserRef, ['extension-page'], { interactive: true }),
  /** The card refreshed live from Okta (user, groups, apps, factors); the cache is updated too. */
  refreshUserCard: message<UserCard | null>()(UserRef, ['extension-page'], { interactive: true }),
  searchGroups: message<{ id: string; name: string; type: string }[]>()(z.object({ query: z.string().max(200) }), ['extension-page'], { interactive: true }),
  searchApps: message<{ id: string; label: string; signOnMode: string | null }[]>()(z.object({ query: z.string().max(200) }), ['extension-page'], { interactive: true }),
};
