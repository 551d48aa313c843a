import type { UserSummary } from '@/lib/messaging/views';
import type { DirectoryDb } from './db';
import { generationRange } from './generations';
import { completeParts } from './search-parts';
import { searchPartOf, type SearchPart, type SearchRow } from './search-rows';
import { longest, MIN_NARROWING_LENGTH, queryTerms, SEARCH_RESULT_LIMIT } from './search';
import { publishedGenerationIn } from './state';
import { normalizeText } from './tokens';

/** Up to this many token entries under the narrowest word, every match is ranked; past it, a bounded walk in token order. */
const FULL_RANK_ENTRIES = 5_000;
/** Matches collected by the bounded walk; whole-word matches come first in token order. */
const WIDE_QUERY_MATCHES = 60;

/** First index whose key is not below `key`. */
function lowerBound(keys: string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Span {
  part: number;
  start: number;
  end: number;
}

function matchesEveryTerm(row: SearchRow, terms: string[]): boolean {
  return terms.every((term) => row[9].some((token) => token.startsWith(term)));
}

/** The same tiers as the IndexedDB search: exact email/login, whole name words, name prefixes, other prefixes. */
function tierOf(row: SearchRow, whole: string, terms: string[]): number {
  if (row[5] === whole || row[6] === whole) return 0;
  const names = row[8];
  if (terms.every((term) => names.includes(term))) return 1;
  if (terms.every((term) => names.some((name) => name.startsWith(term)))) return 2;
  return 3;
}

function summaryOf(row: SearchRow): UserSummary {
  return { id: row[0], status: row[1], login: row[2], email: row[3], name: row[4] };
}

/**
 * The published directory's users in the page's memory: a word prefix is a binary search in each
 * part instead of an IndexedDB round trip. Built from the parts the worker writes after each full
 * sync and the changes recorded since (incremental syncs, live refreshes), which replace the rows
 * of the users they name.
 */
export class MemorySearchIndex {
  private readonly parts: SearchPart[];

  constructor(
    readonly generation: number,
    written: SearchPart[],
    private readonly changedIds: ReadonlySet<string>,
    changedRows: SearchRow[],
  ) {
    this.parts = [...written, searchPartOf(changedRows)];
  }

  /** A row is current unless a later change replaced it; the last part holds the changes themselves. */
  private rowAt(part: number, entry: number): SearchRow | null {
    const source = this.parts[part];
    const row = source?.rows[source.owners[entry] ?? -1];
    if (!row) return null;
    return part < this.parts.length - 1 && this.changedIds.has(row[0]) ? null : row;
  }

  private spansOf(prefix: string): Span[] {
    return this.parts.map((part, index) => ({
      part: index,
      start: lowerBound(part.keys, prefix),
      end: lowerBound(part.keys, `${prefix}\uffff`),
    }));
  }

  private exactAddress(whole: string, found: Map<string, SearchRow>): void {
    for (const span of this.spansOf(whole)) {
      const keys = this.parts[span.part]?.keys ?? [];
      for (let entry = span.start; entry < span.end && keys[entry] === whole; entry++) {
        const row = this.rowAt(span.part, entry);
        if (row && (row[5] === whole || row[6] === whole)) found.set(row[0], row);
      }
    }
  }

  /** Every entry of the spans, part by part. */
  private collectAll(spans: Span[], terms: string[], found: Map<string, SearchRow>): void {
    for (const span of spans) {
      for (let entry = span.start; entry < span.end; entry++) {
        const row = this.rowAt(span.part, entry);
        if (row && !found.has(row[0]) && matchesEveryTerm(row, terms)) found.set(row[0], row);
      }
    }
  }

  /** The spans merged in token order, until WIDE_QUERY_MATCHES users match. */
  private collectInTokenOrder(spans: Span[], terms: string[], found: Map<string, SearchRow>): void {
    const at = spans.map((span) => span.start);
    let matched = 0;
    while (matched < WIDE_QUERY_MATCHES) {
      let best = -1;
      let bestKey = '';
      spans.forEach((span, index) => {
        const position = at[index] ?? span.end;
        if (position >= span.end) return;
        const key = this.parts[span.part]?.keys[position] ?? '';
        if (best === -1 || key < bestKey) {
          best = index;
          bestKey = key;
        }
      });
      const span = spans[best];
      if (!span) return;
      const entry = at[best] ?? span.end;
      at[best] = entry + 1;
      const row = this.rowAt(span.part, entry);
      if (row && !found.has(row[0]) && matchesEveryTerm(row, terms)) {
        found.set(row[0], row);
        matched += 1;
      }
    }
  }

  /** Users matching every word of `query` by token prefix, best first (as searchUsers ranks them). */
  search(query: string, limit = SEARCH_RESULT_LIMIT): UserSummary[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const whole = normalizeText(query);
    const found = new Map<string, SearchRow>();
    if (!/\s/.test(whole)) this.exactAddress(whole, found);
    const narrowing = terms.filter((term) => term.length >= MIN_NARROWING_LENGTH);
    const words = narrowing.length > 0 ? narrowing : [longest(terms)];
    const spans = words
      .map((word) => {
        const wordSpans = this.spansOf(word);
        return { spans: wordSpans, entries: wordSpans.reduce((sum, span) => sum + span.end - span.start, 0) };
      })
      .reduce((narrowest, next) => (next.entries < narrowest.entries ? next : narrowest));
    if (spans.entries <= FULL_RANK_ENTRIES) this.collectAll(spans.spans, terms, found);
    else this.collectInTokenOrder(spans.spans, terms, found);
    return [...found.values()]
      .map((row) => ({ row, tier: tierOf(row, whole, terms) }))
      .sort((a, b) => a.tier - b.tier || (a.row[7] < b.row[7] ? -1 : a.row[7] > b.row[7] ? 1 : a.row[0] < b.row[0] ? -1 : a.row[0] > b.row[0] ? 1 : 0))
      .slice(0, limit)
      .map(({ row }) => summaryOf(row));
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads the published generation's search parts and changes in one transaction and parses them a
 * part per task, so the page stays responsive. Null when the worker has not written them yet.
 */
export async function loadSearchIndex(db: DirectoryDb): Promise<MemorySearchIndex | null> {
  const tx = db.transaction(['syncState', 'searchParts', 'searchChanges']);
  const generation = await publishedGenerationIn(tx.objectStore('syncState'));
  const range = generationRange(generation);
  const parts = tx.objectStore('searchParts');
  const changes = tx.objectStore('searchChanges');
  const [partKeys, partValues, changeKeys, changeValues] = await Promise.all([
    parts.getAllKeys(range),
    parts.getAll(range),
    changes.getAllKeys(range),
    changes.getAll(range),
  ]);
  const texts = completeParts(partKeys.map((key, index) => ({ key, value: partValues[index] ?? '' })));
  if (!texts) return null;
  const written: SearchPart[] = [];
  for (const text of texts) {
    written.push(JSON.parse(text) as SearchPart);
    await nextTask();
  }
  const changedRows = changeValues.flatMap((change) => (change.row ? [change.row] : []));
  return new MemorySearchIndex(generation, written, new Set(changeKeys.map(([, id]) => id)), changedRows);
}
