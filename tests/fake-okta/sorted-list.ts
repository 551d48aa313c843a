/**
 * Items kept in ascending order of a string key, so cursor pagination is a binary search plus a
 * slice (O(log n + page)) and nothing is sorted per request.
 */
export class SortedList<T> {
  private keys: string[] = [];
  private items: T[] = [];

  constructor(private readonly keyOf: (item: T) => string) {}

  get size(): number {
    return this.items.length;
  }

  /** Builds the list in one sort; for bulk loading generated data. */
  static from<T>(items: T[], keyOf: (item: T) => string): SortedList<T> {
    const list = new SortedList(keyOf);
    const pairs = items.map((item) => [keyOf(item), item] as const);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    list.keys = pairs.map((p) => p[0]);
    list.items = pairs.map((p) => p[1]);
    return list;
  }

  /** Index of the first key that is >= `key` (or > when `strictlyAfter`). */
  position(key: string, strictlyAfter = false): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const probe = this.keys[mid] as string;
      if (probe < key || (strictlyAfter && probe === key)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  find(key: string): T | undefined {
    const index = this.position(key);
    return this.keys[index] === key ? this.items[index] : undefined;
  }

  insert(item: T): void {
    const key = this.keyOf(item);
    const index = this.position(key);
    if (this.keys[index] === key) {
      this.items[index] = item;
      return;
    }
    this.keys.splice(index, 0, key);
    this.items.splice(index, 0, item);
  }

  /** Removes the item stored under `key`; true when there was one. */
  remove(key: string): boolean {
    const index = this.position(key);
    if (this.keys[index] !== key) return false;
    this.keys.splice(index, 1);
    this.items.splice(index, 1);
    return true;
  }

  at(index: number): T | undefined {
    return this.items[index];
  }

  keyAt(index: number): string | undefined {
    return this.keys[index];
  }

  values(): readonly T[] {
    return this.items;
  }
}
