import { describe, expect, it, vi } from 'vitest';
import { clearDirectory } from '@/lib/directory/clear';
import type { DirectoryDb } from '@/lib/directory/db';
import { loadSearchIndex, MemorySearchIndex } from '@/lib/directory/memory-search';
import { hasSearchParts, watchSearchChanges, writeSearchParts } from '@/lib/directory/search-parts';
import { searchPartOf, type SearchRow } from '@/lib/directory/search-rows';
import { searchUsers, userSummaryOf } from '@/lib/directory/search';
import { readPublishedGeneration } from '@/lib/directory/state';
import { runSync } from '@/lib/directory/sync';
import { refreshUser } from '@/lib/directory/user-view';
import { clockAfter, DEFAULT_OPTIONS, freshDb } from './helpers';
import { MemoryOkta } from './memory-okta';

async function syncedOrg(users = 300) {
  const org = MemoryOkta.seeded(users, 4, 2);
  const db = await freshDb();
  org.tick(24 * 60 * 60 * 1000);
  expect((await runSync(db, org, 'full', DEFAULT_OPTIONS, { now: clockAfter(org) })).status).toBe('succeeded');
  org.tick(60 * 60 * 1000);
  return { org, db };
}

async function memoryIndex(db: DirectoryDb): Promise<MemorySearchIndex> {
  const index = await loadSearchIndex(db);
  if (!index) throw new Error('no search parts for the published generation');
  return index;
}

/** Queries of every kind for the users given: name prefixes, whole names, two prefixes, emails, logins. */
function queriesFor(users: { profile: { firstName: string; lastName: string; email: string; login: string } }[]): string[] {
  return users.flatMap(({ profile }) => [
    profile.firstName.slice(0, 3),
    `${profile.firstName} ${profile.lastName}`,
    `${profile.lastName.slice(0, 2)} ${profile.firstName.slice(0, 2)}`,
    profile.email,
    profile.login.toUpperCase(),
    profile.login.slice(0, 6),
  ]);
}

const ids = (found: { id: string }[]) => found.map((user) => user.id).sort();

describe('in-memory search index', () => {
  it('holds the users IndexedDB holds after a full sync, in any number of parts', async () => {
    const { org, db } = await syncedOrg();
    const generation = await readPublishedGeneration(db);
    const onePart = await memoryIndex(db);
    await writeSearchParts(db, generation, 7);
    const manyParts = await memoryIndex(db);
    for (const query of queriesFor([...org.users.values()].slice(0, 40))) {
      const expected = (await searchUsers(db, query)).map(userSummaryOf);
      expect(onePart.search(query), query).toEqual(expected);
      expect(manyParts.search(query), query).toEqual(expected);
    }
  });

  it('shows what an incremental sync changed: arrivals, renames, suspensions and deletions', async () => {
    const { org, db } = await syncedOrg();
    const [renamed, suspended, deleted] = [...org.users.values()].filter((user) => user.status === 'ACTIVE');
    if (!renamed || !suspended || !deleted) throw new Error('seed has too few active users');
    const hire = org.createUser({ firstName: 'Quentin', lastName: 'Newhire' });
    org.updateProfile(renamed.id, { lastName: 'Zimmerwald' });
    org.setStatus(suspended.id, 'SUSPENDED');
    org.deleteUser(deleted.id);
    expect((await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now: clockAfter(org) })).status).toBe('succeeded');

    const index = await memoryIndex(db);
    expect(ids(index.search('quentin newhire'))).toEqual([hire.id]);
    expect(ids(index.search('zimmerwald'))).toEqual([renamed.id]);
    expect(index.search(suspended.profile.email)).toEqual([]);
    expect(index.search(deleted.profile.email)).toEqual([]);
    for (const query of [...queriesFor([renamed, suspended, deleted, hire]), 'zim', 'quen new']) {
      expect(index.search(query), query).toEqual((await searchUsers(db, query)).map(userSummaryOf));
    }
  });

  it('shows a live refresh of one user, and their removal when Okta no longer has them', async () => {
    const { org, db } = await syncedOrg(60);
    const [refreshed, gone] = [...org.users.values()].filter((user) => user.status === 'ACTIVE');
    if (!refreshed || !gone) throw new Error('seed has too few active users');
    org.updateProfile(refreshed.id, { firstName: 'Wilhelmina' });
    org.deleteUser(gone.id);
    await refreshUser(db, org, { id: refreshed.id });
    await refreshUser(db, org, { id: gone.id });
    const index = await memoryIndex(db);
    expect(index.search('wilhelmina').map((user) => [user.id, user.name])).toEqual([[refreshed.id, `Wilhelmina ${refreshed.profile.lastName}`]]);
    expect(index.search(gone.profile.login)).toEqual([]);
  });

  it('is not loaded from a set of parts whose count was never written, nor before any sync wrote parts', async () => {
    const { db } = await syncedOrg(20);
    const generation = await readPublishedGeneration(db);
    await db.delete('searchParts', [generation, 0]);
    expect(await loadSearchIndex(db)).toBeNull();
    await db.clear('searchParts');
    expect(await hasSearchParts(db, generation)).toBe(false);
    expect(await loadSearchIndex(db)).toBeNull();
  });

  it('has an incremental sync write the parts a directory from an older version lacks', async () => {
    const { org, db } = await syncedOrg(30);
    await db.clear('searchParts');
    await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now: clockAfter(org) });
    const someone = [...org.users.values()].find((user) => user.status === 'ACTIVE');
    expect((await memoryIndex(db)).search(someone?.profile.email ?? '').map((user) => user.id)).toEqual([someone?.id]);
  });
});

describe('announcing changes to open pages', () => {
  it('announces a full sync, an incremental sync that changed users, a live refresh and a cleared directory, and not an incremental sync that changed none', async () => {
    const heard = vi.fn();
    const stop = watchSearchChanges(heard);
    try {
      const { org, db } = await syncedOrg(40);
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
      await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now: clockAfter(org) });
      const someone = [...org.users.values()].find((user) => user.status === 'ACTIVE');
      org.tick(2 * 60 * 60 * 1000);
      org.updateProfile(someone?.id ?? '', { lastName: 'Renamed' });
      await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now: clockAfter(org) });
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
      await refreshUser(db, org, { id: someone?.id ?? '' });
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(3));
      expect(await clearDirectory(db)).toBe(true);
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(4));
      expect(await loadSearchIndex(db)).toBeNull();
    } finally {
      stop();
    }
  });
});

describe('in-memory ranking against a brute-force reference', () => {
  const firsts = ['Ann', 'Anna', 'Annabel', 'Bob', 'Bobby', 'Cara', 'Carl', 'Carla'];
  const lasts = ['Ng', 'Nguyen', 'Ann', 'Roberts', 'Robertson', 'Carlsson'];
  const list = (items: string[]) => items.map((item) => `\n${item}`).join('');
  const rowOf = (i: number, first: string, last: string): SearchRow => {
    const local = `${first}.${last}${i}`.toLowerCase();
    const email = `${local}@example.com`;
    const names = [first.toLowerCase(), last.toLowerCase()];
    return [`00u${String(i).padStart(5, '0')}`, 'ACTIVE', email, email, `${first} ${last}`, names.join(' '), list(names), list([...new Set([...names, email, local, ...local.split('.')])])];
  };
  const rows = Array.from({ length: 2_400 }, (_, i) => rowOf(i, firsts[(i * 7) % firsts.length] ?? '', lasts[(i * 5) % lasts.length] ?? ''));
  // Every tenth user was renamed since the parts were written.
  const changed = rows.filter((_, i) => i % 10 === 0).map((row, i) => rowOf(Number(row[0].slice(3)), 'Zed', lasts[i % lasts.length] ?? ''));
  const index = new MemorySearchIndex(1, [0, 800, 1_600].map((start) => searchPartOf(rows.slice(start, start + 800))), new Set(changed.map((row) => row[0])), changed);
  const current = [...rows.filter((row) => !changed.some((change) => change[0] === row[0])), ...changed];

  function reference(query: string): string[] {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    const words = (text: string) => text.split('\n').slice(1);
    const tier = (row: SearchRow) => {
      if (row[3] === query.toLowerCase()) return 0;
      const names = words(row[6]);
      if (terms.every((term) => names.includes(term))) return 1;
      if (terms.every((term) => names.some((name) => name.startsWith(term)))) return 2;
      return 3;
    };
    return current
      .filter((row) => row[3] === query.toLowerCase() || terms.every((term) => words(row[7]).some((token) => token.startsWith(term))))
      .map((row) => ({ row, tier: tier(row) }))
      .sort((a, b) => a.tier - b.tier || (a.row[5] < b.row[5] ? -1 : a.row[5] > b.row[5] ? 1 : a.row[0] < b.row[0] ? -1 : 1))
      .slice(0, 20)
      .map(({ row }) => row[0]);
  }

  it.each(['ann', 'anna', 'an', 'bob', 'carl', 'carla', 'zed', 'robert', 'roberts', 'ann ng', 'an ng', 'carl carlsson', 'zed ann', 'ng', 'nguyen bo', rows[42]?.[3] ?? ''])(
    'ranks %s as the reference does',
    (query) => {
      expect(index.search(query).map((user) => user.id)).toEqual(reference(query));
    },
  );
});

describe('in-memory search over more token entries than it ranks at once', () => {
  const row = (id: string, first: string, last: string): SearchRow => {
    const email = `${first}.${last}@example.com`.toLowerCase();
    const words = [first.toLowerCase(), last.toLowerCase()];
    const list = (items: string[]) => items.map((item) => `\n${item}`).join('');
    return [id, 'ACTIVE', email, email, `${first} ${last}`, words.join(' '), list(words), list([...words, email, email.split('@')[0] ?? ''])];
  };
  // 6,000 people whose first name starts with J: about 24,000 token entries under "j".
  const many = Array.from({ length: 6_000 }, (_, i) => row(`00u${String(i).padStart(6, '0')}`, `Ja${i}`, i % 2 ? 'Smith' : 'Jones'));
  const index = new MemorySearchIndex(1, [searchPartOf(many.slice(0, 3_000)), searchPartOf(many.slice(3_000))], new Set(), [
    row('00uJ1', 'J', 'Young'),
    row('00uJ2', 'Kay', 'J'),
  ]);

  it('puts whole-word matches first for a one-letter query', () => {
    const found = index.search('j');
    expect(found).toHaveLength(20);
    expect(found.slice(0, 2).map((user) => user.id)).toEqual(['00uJ1', '00uJ2']);
    expect(found.every((user) => /\bj/i.test(user.name))).toBe(true);
  });

  it('filters by every word while walking a long list', () => {
    const found = index.search('smith ja1');
    expect(found).toHaveLength(20);
    expect(found.every((user) => /^Ja1\d* Smith$/.test(user.name))).toBe(true);
  });
});
