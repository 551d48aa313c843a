import type { Page } from '@playwright/test';

export interface RawPutResult {
  records: number;
  transactions: number;
  ms: number;
  perStore: Record<string, number>;
}

/**
 * Raw IndexedDB put throughput of the records the sync stored, in the same browser: from an
 * extension page, copies the published generation of `deskside-directory` into a scratch database
 * with the same stores and indexes, one readwrite transaction per page as the sync writes them
 * (users, groups and apps in pages of 200; memberships and assignments per group or app, in pages
 * of 1000 and 500). Only the put transactions are timed (creation to `complete`); reads are not.
 */
export function rawPutThroughput(page: Page): Promise<RawPutResult> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error);
      });
    const open = (name: string, version?: number, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const r = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
        r.onupgradeneeded = () => upgrade?.(r.result);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const stores = [
      { name: 'users', page: 200, owner: false },
      { name: 'groups', page: 200, owner: false },
      { name: 'apps', page: 200, owner: false },
      { name: 'memberships', page: 1000, owner: true },
      { name: 'assignments', page: 500, owner: true },
    ];
    const source = await open('deskside-directory');
    const published = (await request(source.transaction('syncState').objectStore('syncState').get('published'))) as { generation: number };
    const generation = published.generation;

    await request(indexedDB.deleteDatabase('deskside-bench-scratch'));
    const scratch = await open('deskside-bench-scratch', 1, (db) => {
      const tx = source.transaction(stores.map((s) => s.name));
      for (const { name } of stores) {
        const from = tx.objectStore(name);
        const to = db.createObjectStore(name, { keyPath: from.keyPath, autoIncrement: from.autoIncrement });
        for (const indexName of Array.from(from.indexNames)) {
          const index = from.index(indexName);
          to.createIndex(indexName, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        }
      }
    });

    const result = { records: 0, transactions: 0, ms: 0, perStore: {} as Record<string, number> };
    for (const { name, page, owner } of stores) {
      let lower: IDBValidKey = [generation];
      let lowerOpen = false;
      let count = 0;
      for (;;) {
        const range = IDBKeyRange.bound(lower, [generation, []], lowerOpen);
        const chunk = (await request(source.transaction(name).objectStore(name).getAll(range, page))) as Record<string, unknown>[];
        if (chunk.length === 0) break;
        // Per-owner stores: one transaction per group's or app's page, as the sync lists them.
        const ownerKey = owner ? (name === 'memberships' ? 'groupId' : 'appId') : null;
        const firstOwner = ownerKey ? chunk[0]![ownerKey] : null;
        const batch = ownerKey ? chunk.filter((r) => r[ownerKey] === firstOwner) : chunk;
        const started = performance.now();
        const tx = scratch.transaction(name, 'readwrite', { durability: 'relaxed' });
        const store = tx.objectStore(name);
        for (const record of batch) store.put(record);
        await done(tx);
        result.ms += performance.now() - started;
        result.transactions += 1;
        count += batch.length;
        const last = batch[batch.length - 1]!;
        lower = ownerKey ? [generation, last[ownerKey] as string, last.userId as string] : [generation, last.id as string];
        lowerOpen = true;
      }
      result.perStore[name] = count;
      result.records += count;
    }
    scratch.close();
    source.close();
    await request(indexedDB.deleteDatabase('deskside-bench-scratch'));
    return result;
  });
}
