import { openDirectory, type DirectoryDb } from '@/lib/directory/db';
import type { SyncOptions } from '@/lib/directory/engine';
import { generationRange } from '@/lib/directory/generations';
import { readPublishedGeneration } from '@/lib/directory/state';

export const DEFAULT_OPTIONS: SyncOptions = {
  includeStatuses: ['ACTIVE', 'PROVISIONED', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED'],
  importGroups: true,
  scope: { mode: 'all' },
};

/** A sync clock an hour after the org's last change (the org's clock runs well after its seed). */
export function clockAfter(org: { clock: number }): () => number {
  return () => org.clock + 60 * 60 * 1000;
}

let counter = 0;
export function freshDb(): Promise<DirectoryDb> {
  counter += 1;
  return openDirectory(`directory-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

function withoutBookkeeping<T extends { generation: number; tokens?: string[]; run?: string }>(record: T, generation: number) {
  const { generation: _generation, run: _run, tokens, ...rest } = record;
  const prefix = `${generation}:`;
  return tokens ? { ...rest, tokens: tokens.map((token) => token.slice(prefix.length)).sort() } : rest;
}

function byJson(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The published directory without generation numbers and run stamps, sorted: comparable across syncs. */
export async function dumpPublished(db: DirectoryDb) {
  const generation = await readPublishedGeneration(db);
  return dumpGeneration(db, generation);
}

export async function dumpGeneration(db: DirectoryDb, generation: number) {
  const range = generationRange(generation);
  const [users, groups, apps, memberships, assignments] = await Promise.all([
    db.getAll('users', range),
    db.getAll('groups', range),
    db.getAll('apps', range),
    db.getAll('memberships', range),
    db.getAll('assignments', range),
  ]);
  return {
    users: users.map((record) => withoutBookkeeping(record, generation)).sort(byJson),
    groups: groups.map((record) => withoutBookkeeping(record, generation)).sort(byJson),
    apps: apps.map((record) => withoutBookkeeping(record, generation)).sort(byJson),
    memberships: memberships.map((record) => withoutBookkeeping(record, generation)).sort(byJson),
    assignments: assignments.map((record) => withoutBookkeeping(record, generation)).sort(byJson),
  };
}

export async function countAll(db: DirectoryDb): Promise<number> {
  const counts = await Promise.all(
    (['users', 'groups', 'apps', 'memberships', 'assignments'] as const).map((store) => db.count(store)),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
