import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { closeDirectory, DIRECTORY_DB_VERSION, openDirectory, upgradeDirectory, type DirectorySchema } from '@/lib/directory/db';
import { loadSearchIndex } from '@/lib/directory/memory-search';
import { toUserRecord } from '@/lib/directory/records';
import { searchUsers } from '@/lib/directory/search';

const oktaUser = {
  id: '00u1',
  status: 'ACTIVE' as const,
  lastUpdated: '2025-01-01T00:00:00.000Z',
  profile: { login: 'Kim.Lee@Example.com', email: 'Kim.Lee@Example.com', firstName: 'Kim', lastName: 'Lee', costCenter: 'CC-7' },
};

describe('directory database', () => {
  it('upgrades a version 1 database in place, keeping its records', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = await openDB<DirectorySchema>(name, 1, { upgrade: (db, oldVersion, _newVersion, transaction) => upgradeDirectory(db, oldVersion, 1, transaction) });
    expect([...v1.objectStoreNames].sort()).toEqual(['apps', 'groups', 'syncState', 'users']);
    // As versions 1 and 2 stored users: without the name-pair keys.
    const { namePairs: _namePairs, ...storedBeforePairs } = toUserRecord(oktaUser, 3);
    await v1.put('users', storedBeforePairs as DirectorySchema['users']['value']);
    await v1.put('syncState', { generation: 3, publishedAt: '2025-01-01T00:00:00.000Z' }, 'published');
    v1.close();

    const db = await openDirectory(name);
    expect(db.version).toBe(DIRECTORY_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['apps', 'assignments', 'audit', 'groups', 'memberships', 'searchChanges', 'searchParts', 'syncState', 'users']);
    expect([...db.transaction('memberships').store.indexNames].sort()).toEqual(['by-group', 'by-user']);
    expect([...db.transaction('audit').store.indexNames].sort()).toEqual(['action', 'agent', 'outcome', 'time']);
    const kept = await db.getFromIndex('users', 'email', [3, 'kim.lee@example.com']);
    expect(kept?.profile.costCenter).toBe('CC-7');
    expect(kept?.namePairs).toEqual(expect.arrayContaining(['3:ki lee', '3:le kim']));
    expect((await searchUsers(db, 'le ki')).map((user) => user.id)).toEqual(['00u1']);
    // Until the next sync writes the search parts, pages search the database.
    expect(await loadSearchIndex(db)).toBeNull();
    await db.add('audit', { time: '2025-01-02T00:00:00.000Z', action: 'unlock', outcome: 'success', agent: 'a@b.c' });
    expect((await db.getAllFromIndex('audit', 'action', 'unlock')).map((entry) => entry.id)).toEqual([1]);
    await closeDirectory(name);
  });

  it('closes its connection when a newer version is opened elsewhere, and opens anew on the next call (refused here: the database is now newer)', async () => {
    const name = `blocking-${Math.random()}`;
    const first = await openDirectory(name);
    let blocked = false;
    const newer = await openDB(name, DIRECTORY_DB_VERSION + 1, { blocked: () => (blocked = true) });
    expect(blocked).toBe(false);
    newer.close();
    expect(() => first.transaction('users')).toThrow();
    await expect(openDirectory(name)).rejects.toThrow();
  });

  it('keeps the whole profile but drops links and credentials (provider aside)', () => {
    const record = toUserRecord(
      { ...oktaUser, credentials: { password: {}, provider: { type: 'OKTA', name: 'OKTA' } }, _links: { self: { href: 'x' } } },
      1,
    );
    expect(record.profile).toEqual(oktaUser.profile);
    expect(record.provider).toEqual({ type: 'OKTA', name: 'OKTA' });
    expect(record).not.toHaveProperty('credentials');
    expect(record).not.toHaveProperty('_links');
    expect(JSON.stringify(record)).not.toContain('"password"');
    expect(record.tokens).toEqual(expect.arrayContaining(['1:kim', '1:lee', '1:kim.lee@example.com', '1:kim.lee']));
  });
});
