import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { searchKeysOf, type AppRecord, type AssignmentRecord, type GroupRecord, type MembershipRecord, type UserRecord } from './records';
import type { SearchChange } from './search-rows';

export const DIRECTORY_DB_NAME = 'deskside-directory';
export const DIRECTORY_DB_VERSION = 4;

/** An audit entry as indexed; lib/actions owns its full shape. */
export interface StoredAuditEntry {
  id?: number;
  time: string;
  action: string;
  outcome: string;
  agent: string;
  [field: string]: unknown;
}

/*
 * Every directory key starts with the generation that wrote it. A full sync writes a whole new
 * generation beside the published one, then flips the pointer in syncState and range-deletes the
 * older generation; readers always query the published generation, so they never see a half-written one.
 */
export interface DirectorySchema extends DBSchema {
  users: {
    key: [number, string];
    value: UserRecord;
    indexes: {
      email: [number, string];
      login: [number, string];
      tokens: string;
      namePairs: string;
      status: [number, string];
      lastUpdated: [number, string];
      generation: number;
    };
  };
  groups: {
    key: [number, string];
    value: GroupRecord;
    indexes: { type: [number, string]; tokens: string; generation: number };
  };
  apps: {
    key: [number, string];
    value: AppRecord;
    indexes: { tokens: string; generation: number };
  };
  memberships: {
    key: [number, string, string];
    value: MembershipRecord;
    indexes: { 'by-user': [number, string]; 'by-group': [number, string] };
  };
  assignments: {
    key: [number, string, string];
    value: AssignmentRecord;
    indexes: { 'by-user': [number, string]; 'by-app': [number, string] };
  };
  /** The in-memory search's parts of one generation, JSON of SearchPart (search-parts.ts). */
  searchParts: { key: [number, number]; value: string };
  /** Users changed in a generation after its parts were written. */
  searchChanges: { key: [number, string]; value: SearchChange };
  syncState: { key: string; value: unknown };
  audit: {
    key: number;
    value: StoredAuditEntry;
    indexes: { time: string; action: string; outcome: string; agent: string };
  };
}

export type DirectoryDb = IDBPDatabase<DirectorySchema>;
export type DirectoryStore = StoreNames<DirectorySchema>;

/**
 * Each version adds what it introduced; a database at any older version is brought forward step by
 * step. `newVersion` bounds the steps so an older layout can still be created (upgrade tests).
 */
export function upgradeDirectory(
  db: IDBPDatabase<DirectorySchema>,
  oldVersion: number,
  newVersion: number,
  transaction: IDBPTransaction<DirectorySchema, DirectoryStore[], 'versionchange'>,
): void {
  if (oldVersion < 1 && newVersion >= 1) {
    const users = db.createObjectStore('users', { keyPath: ['generation', 'id'] });
    users.createIndex('email', ['generation', 'email']);
    users.createIndex('login', ['generation', 'login']);
    users.createIndex('tokens', 'tokens', { multiEntry: true });
    users.createIndex('status', ['generation', 'status']);
    users.createIndex('lastUpdated', ['generation', 'lastUpdated']);
    users.createIndex('generation', 'generation');
    const groups = db.createObjectStore('groups', { keyPath: ['generation', 'id'] });
    groups.createIndex('type', ['generation', 'type']);
    groups.createIndex('tokens', 'tokens', { multiEntry: true });
    groups.createIndex('generation', 'generation');
    const apps = db.createObjectStore('apps', { keyPath: ['generation', 'id'] });
    apps.createIndex('tokens', 'tokens', { multiEntry: true });
    apps.createIndex('generation', 'generation');
    db.createObjectStore('syncState');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    const memberships = db.createObjectStore('memberships', { keyPath: ['generation', 'groupId', 'userId'] });
    memberships.createIndex('by-user', ['generation', 'userId']);
    memberships.createIndex('by-group', ['generation', 'groupId']);
    const assignments = db.createObjectStore('assignments', { keyPath: ['generation', 'appId', 'userId'] });
    assignments.createIndex('by-user', ['generation', 'userId']);
    assignments.createIndex('by-app', ['generation', 'appId']);
    const audit = db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true });
    audit.createIndex('time', 'time');
    audit.createIndex('action', 'action');
    audit.createIndex('outcome', 'outcome');
    audit.createIndex('agent', 'agent');
  }
  if (oldVersion < 3 && newVersion >= 3) {
    const users = transaction.objectStore('users');
    users.createIndex('namePairs', 'namePairs', { multiEntry: true });
    // Stored users get their pair keys here, so two-word search works before the next sync.
    const cursorRequest = unwrap(users).openCursor();
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor) return;
      const user = cursor.value as UserRecord;
      cursor.update({ ...user, ...searchKeysOf(user.profile, user.generation) });
      cursor.continue();
    };
  }
  if (oldVersion < 4 && newVersion >= 4) {
    // Empty until the next sync writes them; until then the popup searches IndexedDB.
    db.createObjectStore('searchParts');
    db.createObjectStore('searchChanges');
  }
}

const connections = new Map<string, Promise<DirectoryDb>>();

/**
 * Opens (once per name) the directory database. A newer version opened elsewhere makes this
 * connection close itself (`blocking`), and the next call opens a fresh one.
 */
export function openDirectory(name = DIRECTORY_DB_NAME): Promise<DirectoryDb> {
  const cached = connections.get(name);
  if (cached) return cached;
  const forget = () => connections.delete(name);
  const opening = openDB<DirectorySchema>(name, DIRECTORY_DB_VERSION, {
    upgrade: (db, oldVersion, newVersion, transaction) => upgradeDirectory(db, oldVersion, newVersion ?? DIRECTORY_DB_VERSION, transaction),
    blocked: () => {
      console.warn('Deskside: the directory database is waiting for an older tab or worker to close it.');
    },
    blocking: () => {
      forget();
      void opening.then((db) => db.close());
    },
    terminated: forget,
  });
  connections.set(name, opening);
  opening.catch(forget);
  return opening;
}

/** Closes and forgets a connection (tests and database deletion). */
export async function closeDirectory(name = DIRECTORY_DB_NAME): Promise<void> {
  const cached = connections.get(name);
  connections.delete(name);
  if (cached) (await cached).close();
}
