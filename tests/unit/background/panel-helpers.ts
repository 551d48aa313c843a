import { vi } from 'vitest';
import type { DirectoryDb } from '@/lib/directory/db';
import { runSync } from '@/lib/directory/sync';
import { updateSettings } from '@/lib/settings/store';
import { DEFAULT_OPTIONS, freshDb } from '../directory/helpers';
import { MemoryOkta } from '../directory/memory-okta';

/** A Zendesk ticket's detection naming one requester. */
export function ticketDetection(email: string, name = 'On the ticket') {
  return {
    helpdesk: 'zendesk',
    ticketId: '123',
    ticketUrl: 'https://acme.zendesk.com/agent/tickets/123',
    people: [{ email, name, role: 'requester' as const, source: 'api' as const }],
  };
}

/** A directory synced from a small org (connected to acme.okta.com), one of its active users, and the worker's directory service over it. */
export async function syncedDirectory() {
  await updateSettings({ oktaDomain: 'https://acme.okta.com' });
  const org = MemoryOkta.seeded(20, 3, 2);
  const db = await freshDb();
  await runSync(db, org, 'full', DEFAULT_OPTIONS);
  const user = [...org.users.values()].find((u) => u.status === 'ACTIVE');
  if (!user) throw new Error('seed has no active user');
  const directory = { openDb: vi.fn(async (): Promise<DirectoryDb> => db), agentReading: vi.fn() };
  return { db, user, directory };
}
