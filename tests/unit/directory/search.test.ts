import { describe, expect, it, vi } from 'vitest';
import { findUserByEmailOrLogin, searchApps, searchGroups, searchUsers } from '@/lib/directory/search';
import { runSync } from '@/lib/directory/sync';
import { DEFAULT_OPTIONS, freshDb } from './helpers';
import { MemoryOkta } from './memory-okta';

async function directoryWith(people: { firstName: string; lastName: string; [key: string]: unknown }[]) {
  const org = new MemoryOkta();
  const users = people.map((person) => org.addUser(person));
  org.addGroup('Finance Approvers');
  org.addGroup('Field Engineering');
  org.addApp('Salesforce');
  const db = await freshDb();
  await runSync(db, org, 'full', DEFAULT_OPTIONS);
  return { db, org, users };
}

const names = (found: { profile: Record<string, unknown> }[]) => found.map((u) => `${u.profile.firstName} ${u.profile.lastName}`);

describe('search', () => {
  it('finds a user by exact email or login, whatever the case', async () => {
    const { db, users } = await directoryWith([{ firstName: 'Jane', lastName: 'Doe' }, { firstName: 'John', lastName: 'Doe' }]);
    const jane = users[0];
    const byEmail = await findUserByEmailOrLogin(db, (jane?.profile.email ?? '').toUpperCase());
    expect(byEmail?.id).toBe(jane?.id);
    const byLogin = await findUserByEmailOrLogin(db, ` ${jane?.profile.login} `);
    expect(byLogin?.id).toBe(jane?.id);
    expect(await findUserByEmailOrLogin(db, 'nobody@example.com')).toBeNull();
  });

  it('ranks exact email first, then whole first/last names, then name prefixes, then other prefixes, ties by name', async () => {
    const { db, users } = await directoryWith([
      { firstName: 'Annabel', lastName: 'Zed' },
      { firstName: 'Ann', lastName: 'Young' },
      { firstName: 'Bob', lastName: 'Ann' },
      { firstName: 'Carl', lastName: 'Xu', displayName: 'Ann Xu', nickName: 'annie' },
      { firstName: 'Anna', lastName: 'Able' },
      { firstName: 'Dora', lastName: 'Wu' },
    ]);
    const found = await searchUsers(db, 'ANN');
    expect(names(found)).toEqual(['Ann Young', 'Bob Ann', 'Anna Able', 'Annabel Zed', 'Carl Xu']);

    const dora = users[5];
    const exact = await searchUsers(db, dora?.profile.email ?? '');
    expect(exact[0]?.id).toBe(dora?.id);
    const viaLoginPrefix = await searchUsers(db, 'dora.w');
    expect(viaLoginPrefix.map((u) => u.id)).toEqual([dora?.id]);
  });

  it('matches every word of the query, ignores accents, and returns at most 20', async () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ firstName: `Émile${i}`, lastName: i % 2 ? 'Dubois' : 'Durand' }));
    const { db } = await directoryWith([...people, { firstName: 'Emilia', lastName: 'Clarke' }]);
    const all = await searchUsers(db, 'emile');
    expect(all).toHaveLength(20);
    const both = await searchUsers(db, 'dubois emile1');
    expect(names(both)).toEqual(['Émile1 Dubois', 'Émile11 Dubois', 'Émile13 Dubois', 'Émile15 Dubois', 'Émile17 Dubois', 'Émile19 Dubois']);
    expect(await searchUsers(db, '   ')).toEqual([]);
    expect(names(await searchUsers(db, 'émilia'))).toEqual(['Emilia Clarke']);
  });

  it('finds a rare combination of words among many users sharing one of them', async () => {
    const smiths = Array.from({ length: 300 }, (_, i) => ({ firstName: `Sam${i}`, lastName: 'Smith' }));
    const { db } = await directoryWith([...smiths, { firstName: 'Zoe', lastName: 'Smith' }, { firstName: 'Zoe', lastName: 'Adams' }]);
    expect(names(await searchUsers(db, 'smith zoe'))).toEqual(['Zoe Smith']);
    expect(names(await searchUsers(db, 'zo sm'))).toEqual(['Zoe Smith']);
  });

  it('finds a common first and last name together when each word alone matches hundreds of people', async () => {
    const johns = Array.from({ length: 700 }, (_, i) => ({ firstName: 'John', lastName: `Other${i}` }));
    const smiths = Array.from({ length: 700 }, (_, i) => ({ firstName: `Other${i}`, lastName: 'Smith' }));
    const { db } = await directoryWith([...johns, ...smiths, { firstName: 'John', lastName: 'Smith' }, { firstName: 'Johnny', lastName: 'Smithers' }]);
    // Whole words: the exact name comes first whatever the order of the words.
    expect(names(await searchUsers(db, 'john smith'))[0]).toBe('John Smith');
    expect(names(await searchUsers(db, 'smith john'))[0]).toBe('John Smith');
    // Two short prefixes, each matching hundreds: both people whose names start so are found.
    expect(names(await searchUsers(db, 'jo smi'))).toEqual(['John Smith', 'Johnny Smithers']);
    expect(names(await searchUsers(db, 'smit joh'))).toEqual(['John Smith', 'Johnny Smithers']);
  });

  it('narrows by a one-letter initial even when the other word matches more people than it reads at once', async () => {
    const smiths = Array.from({ length: 120 }, (_, i) => ({ firstName: `Anna${i}`, lastName: 'Smith' }));
    const { db } = await directoryWith([...smiths, { firstName: 'Jane', lastName: 'Smith' }, { firstName: 'Jon', lastName: 'Smithson' }]);
    expect(names(await searchUsers(db, 'smith j'))).toEqual(['Jane Smith', 'Jon Smithson']);
    expect(names(await searchUsers(db, 'j smith'))).toEqual(['Jane Smith', 'Jon Smithson']);
  });

  it('answers two name words from one pair-index read, and reads on when a long word is cut in the pair keys', async () => {
    const longer = Array.from({ length: 60 }, () => ({ firstName: 'Alexandros', lastName: 'Smithsen' }));
    const { db } = await directoryWith([...longer, { firstName: 'Alexandros', lastName: 'Smithson' }, { firstName: 'Alex', lastName: 'Smith' }]);
    // Pair keys hold six letters of their first word ("smiths alexandros"), which Smithsen shares.
    expect(names(await searchUsers(db, 'smithson alexandros'))).toEqual(['Alexandros Smithson']);
    expect(names(await searchUsers(db, 'alexandros smithson'))).toEqual(['Alexandros Smithson']);
    expect(names(await searchUsers(db, 'alex smith'))[0]).toBe('Alex Smith');
    const many = names(await searchUsers(db, 'al sm'));
    expect(many).toHaveLength(20);
    expect(many.every((name) => /^Alex\S* Smith/.test(name))).toBe(true);
  });

  it('finds an exact login that splits into several words, such as a Windows domain login', async () => {
    const { db, org, users } = await directoryWith([{ firstName: 'Kim', lastName: 'Lee' }, { firstName: 'Kim', lastName: 'Acme' }]);
    org.updateProfile(users[0]?.id ?? '', { login: 'ACME\\kim' });
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect((await searchUsers(db, 'acme\\KIM')).map((user) => user.id)[0]).toBe(users[0]?.id);
  });

  it('reads the email and login indexes only for a query without spaces, which an address could be', async () => {
    const { db } = await directoryWith([{ firstName: 'Kim', lastName: 'Lee' }, { firstName: 'Kim', lastName: 'Acme' }]);
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const indexesRead = () => getAll.mock.contexts.map((index) => (index as IDBIndex).name);
    try {
      expect(names(await searchUsers(db, 'kim lee'))).toEqual(['Kim Lee']);
      expect(indexesRead()).not.toContain('email');
      expect(indexesRead()).not.toContain('login');
      getAll.mockClear();
      await searchUsers(db, 'acme\\kim');
      expect(indexesRead()).toEqual(expect.arrayContaining(['email', 'login']));
    } finally {
      getAll.mockRestore();
    }
  });

  it('only sees the published generation', async () => {
    const { db, org } = await directoryWith([{ firstName: 'Olga', lastName: 'Petrova' }]);
    org.beforeRequest = async (_request, index) => {
      if (index === 1) expect(names(await searchUsers(db, 'olga'))).toEqual(['Olga Petrova']);
    };
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect(names(await searchUsers(db, 'olga'))).toEqual(['Olga Petrova']);
  });

  it('follows a newly published generation even though each search starts reading the last one it saw', async () => {
    const { db, org, users } = await directoryWith([{ firstName: 'Olga', lastName: 'Petrova' }]);
    expect(names(await searchUsers(db, 'olga'))).toEqual(['Olga Petrova']);
    org.updateProfile(users[0]?.id ?? '', { lastName: 'Ivanova' });
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect(names(await searchUsers(db, 'olga'))).toEqual(['Olga Ivanova']);
    expect(names(await searchUsers(db, 'olga iv'))).toEqual(['Olga Ivanova']);
  });

  it('finds groups and apps by word prefix', async () => {
    const { db } = await directoryWith([{ firstName: 'A', lastName: 'B' }]);
    expect((await searchGroups(db, 'fi')).map((g) => g.name)).toEqual(['Field Engineering', 'Finance Approvers']);
    expect((await searchGroups(db, 'approv')).map((g) => g.name)).toEqual(['Finance Approvers']);
    expect((await searchApps(db, 'sales')).map((a) => a.label)).toEqual(['Salesforce']);
  });
});
