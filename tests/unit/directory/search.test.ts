import { describe, expect, it, vi } from 'vitest';
import type { DirectoryDb } from '@/lib/directory/db';
import { loadSearchIndex } from '@/lib/directory/memory-search';
import { findUserByEmailOrLogin, searchApps, searchGroups, searchUsers, userSummaryOf } from '@/lib/directory/search';
import type { UserSummary } from '@/lib/messaging/views';
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

type PeopleSearch = (db: DirectoryDb, query: string) => Promise<UserSummary[]>;

async function searchInMemory(db: DirectoryDb, query: string): Promise<UserSummary[]> {
  const index = await loadSearchIndex(db);
  if (!index) throw new Error('The full sync wrote no search parts');
  return index.search(query);
}

// The popup answers from its in-memory index once loaded, from IndexedDB before: both rank alike.
const searches: [string, PeopleSearch][] = [
  ['IndexedDB', async (db, query) => (await searchUsers(db, query)).map(userSummaryOf)],
  ['the in-memory index', searchInMemory],
];

describe.each(searches)('people search through %s', (_source, search) => {
  const found = async (db: DirectoryDb, query: string) => (await search(db, query)).map((user) => user.name);
  const ids = async (db: DirectoryDb, query: string) => (await search(db, query)).map((user) => user.id);

  it('ranks exact email first, then whole first/last names, then name prefixes, then other prefixes, ties by name', async () => {
    const { db, users } = await directoryWith([
      { firstName: 'Annabel', lastName: 'Zed' },
      { firstName: 'Ann', lastName: 'Young' },
      { firstName: 'Bob', lastName: 'Ann' },
      { firstName: 'Carl', lastName: 'Xu', displayName: 'Ann Xu', nickName: 'annie' },
      { firstName: 'Anna', lastName: 'Able' },
      { firstName: 'Dora', lastName: 'Wu' },
    ]);
    expect(await found(db, 'ANN')).toEqual(['Ann Young', 'Bob Ann', 'Anna Able', 'Annabel Zed', 'Carl Xu']);
    const dora = users[5];
    expect((await ids(db, dora?.profile.email ?? ''))[0]).toBe(dora?.id);
    expect(await ids(db, 'dora.w')).toEqual([dora?.id]);
  });

  it('matches every word of the query, ignores accents, and returns at most 20', async () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ firstName: `Émile${i}`, lastName: i % 2 ? 'Dubois' : 'Durand' }));
    const { db } = await directoryWith([...people, { firstName: 'Emilia', lastName: 'Clarke' }]);
    expect(await found(db, 'emile')).toHaveLength(20);
    expect(await found(db, 'dubois emile1')).toEqual(['Émile1 Dubois', 'Émile11 Dubois', 'Émile13 Dubois', 'Émile15 Dubois', 'Émile17 Dubois', 'Émile19 Dubois']);
    expect(await search(db, '   ')).toEqual([]);
    expect(await found(db, 'émilia')).toEqual(['Emilia Clarke']);
  });

  it('finds a rare combination of words among many users sharing one of them', async () => {
    const smiths = Array.from({ length: 300 }, (_, i) => ({ firstName: `Sam${i}`, lastName: 'Smith' }));
    const { db } = await directoryWith([...smiths, { firstName: 'Zoe', lastName: 'Smith' }, { firstName: 'Zoe', lastName: 'Adams' }]);
    expect(await found(db, 'smith zoe')).toEqual(['Zoe Smith']);
    expect(await found(db, 'zo sm')).toEqual(['Zoe Smith']);
  });

  it('finds a common first and last name together when each word alone matches hundreds of people', async () => {
    const johns = Array.from({ length: 700 }, (_, i) => ({ firstName: 'John', lastName: `Other${i}` }));
    const smiths = Array.from({ length: 700 }, (_, i) => ({ firstName: `Other${i}`, lastName: 'Smith' }));
    const { db } = await directoryWith([...johns, ...smiths, { firstName: 'John', lastName: 'Smith' }, { firstName: 'Johnny', lastName: 'Smithers' }]);
    expect((await found(db, 'john smith'))[0]).toBe('John Smith');
    expect((await found(db, 'smith john'))[0]).toBe('John Smith');
    expect(await found(db, 'jo smi')).toEqual(['John Smith', 'Johnny Smithers']);
    expect(await found(db, 'smit joh')).toEqual(['John Smith', 'Johnny Smithers']);
  });

  it('narrows by a one-letter initial even when the other word matches many people', async () => {
    const smiths = Array.from({ length: 120 }, (_, i) => ({ firstName: `Anna${i}`, lastName: 'Smith' }));
    const { db } = await directoryWith([...smiths, { firstName: 'Jane', lastName: 'Smith' }, { firstName: 'Jon', lastName: 'Smithson' }]);
    expect(await found(db, 'smith j')).toEqual(['Jane Smith', 'Jon Smithson']);
    expect(await found(db, 'j smith')).toEqual(['Jane Smith', 'Jon Smithson']);
  });

  it('tells apart names sharing a long beginning, and fills 20 results from two short prefixes', async () => {
    const longer = Array.from({ length: 60 }, () => ({ firstName: 'Alexandros', lastName: 'Smithsen' }));
    const { db } = await directoryWith([...longer, { firstName: 'Alexandros', lastName: 'Smithson' }, { firstName: 'Alex', lastName: 'Smith' }]);
    expect(await found(db, 'smithson alexandros')).toEqual(['Alexandros Smithson']);
    expect(await found(db, 'alexandros smithson')).toEqual(['Alexandros Smithson']);
    expect((await found(db, 'alex smith'))[0]).toBe('Alex Smith');
    const many = await found(db, 'al sm');
    expect(many).toHaveLength(20);
    expect(many.every((name) => /^Alex\S* Smith/.test(name))).toBe(true);
  });

  it('finds an exact login that splits into several words, such as a Windows domain login', async () => {
    const { db, org, users } = await directoryWith([{ firstName: 'Kim', lastName: 'Lee' }, { firstName: 'Kim', lastName: 'Acme' }]);
    org.updateProfile(users[0]?.id ?? '', { login: 'ACME\\kim' });
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect((await ids(db, 'acme\\KIM'))[0]).toBe(users[0]?.id);
  });

  it('only sees the published generation while a full sync writes the next one', async () => {
    const { db, org } = await directoryWith([{ firstName: 'Olga', lastName: 'Petrova' }]);
    org.updateProfile([...org.users.keys()][0] ?? '', { lastName: 'Ivanova' });
    let during: string[] = [];
    org.requests = [];
    org.beforeRequest = async (_request, index) => {
      if (index === 1) during = await found(db, 'olga');
    };
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect(during).toEqual(['Olga Petrova']);
    expect(await found(db, 'olga')).toEqual(['Olga Ivanova']);
  });

  it('follows a newly published generation', async () => {
    const { db, org, users } = await directoryWith([{ firstName: 'Olga', lastName: 'Petrova' }]);
    expect(await found(db, 'olga')).toEqual(['Olga Petrova']);
    org.updateProfile(users[0]?.id ?? '', { lastName: 'Ivanova' });
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect(await found(db, 'olga')).toEqual(['Olga Ivanova']);
    expect(await found(db, 'olga iv')).toEqual(['Olga Ivanova']);
  });
});

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

  it('finds groups and apps by word prefix', async () => {
    const { db } = await directoryWith([{ firstName: 'A', lastName: 'B' }]);
    expect((await searchGroups(db, 'fi')).map((g) => g.name)).toEqual(['Field Engineering', 'Finance Approvers']);
    expect((await searchGroups(db, 'approv')).map((g) => g.name)).toEqual(['Finance Approvers']);
    expect((await searchApps(db, 'sales')).map((a) => a.label)).toEqual(['Salesforce']);
  });
});
