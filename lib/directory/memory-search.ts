import type { UserSummary } from '@/lib/messaging/views';
import type { DirectoryDb } from './db';
import { generationRange } from './generations';
import { completeParts } from './search-parts';
import { searchPartOf, WORD_SEPARATOR, type SearchPart, type SearchRow } from './search-rows';
import { longest, MIN_NARROWING_LENGTH, queryTerms, SEARCH_RESULT_LIMIT } from './search';
import { publishedGenerationIn } from './state';
import { normalizeText } from './tokens';

/**
 * Up to this many token entries under the narrowest word (about 5,000 users), every match is ranked;
 * past it (a one- or two-letter word), a bounded walk in token order.
 */
const FULL_RANK_ENTRIES = 20_000;
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

function hasPrefix(words: string, prefix: string): boolean {
  return words.includes(WORD_SEPARATOR + prefix);
}

function hasWord(words: string, word: string): boolean {
  return words.includes(WORD_SEPARATOR + word + WORD_SEPARATOR) || words.endsWith(WORD_SEPARATOR + word);
}

/** The same tiers as the IndexedDB search: exact email/login (0), whole name words, name prefixes, other prefixes. */
function tierOf(row: SearchRow, terms: string[]): number {
  const names = row[6];
  let tier = 1;
  for (const term of terms) {
    if (hasWord(names, term)) continue;
    if (!hasPrefix(names, term)) return 3;
    tier = 2;
  }
  return tier;
}

interface Ranked {
  row: SearchRow;
  tier: number;
}

/** By tier, then sort name, then id. */
function ranksBefore(tier: number, row: SearchRow, other: Ranked): boolean {
  if (tier !== other.tier) return tier < other.tier;
  if (row[5] !== other.row[5]) return row[5] < other.row[5];
  return row[0] < other.row[0];
}

/** The best `limit` rows in order. Most rows rank below the last one kept and cost a single comparison. */
class TopRanked {
  readonly kept: Ranked[] = [];

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.kept.length === this.limit;
  }

  get worstTier(): number {
    return this.kept[this.kept.length - 1]?.tier ?? Number.POSITIVE_INFINITY;
  }

  /** True when every kept row ranks before `row` would at `tier`, so it could not enter. */
  holdsBetterThan(tier: number, row: SearchRow): boolean {
    const last = this.kept[this.kept.length - 1];
    return this.full && last !== undefined && !ranksBefore(tier, row, last);
  }

  offer(row: SearchRow, tier: number): void {
    if (this.holdsBetterThan(tier, row)) return;
    const { kept } = this;
    let at = kept.length;
    while (at > 0 && ranksBefore(tier, row, kept[at - 1] as Ranked)) at -= 1;
    kept.splice(at, 0, { row, tier });
    if (kept.length > this.limit) kept.pop();
  }
}

/** One query's walk over the parts: each user is looked at once (`seen`, by part and row). */
interface Walk {
  terms: string[];
  /** The words the spans walked do not already guarantee. */
  unchecked: string[];
  seen: Uint8Array[];
  top: TopRanked;
}

/** Whether the stored address normalizes to `whole`; an ASCII address only needs lowercasing (many share a name's token). */
function isAddressOf(address: string, whole: string): boolean {
  return /^[\x00-\x7f]*$/.test(address) ? address.toLowerCase().trim() === whole : normalizeText(address) === whole;
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
  /** Per part, 1 for each row a recorded change replaces; none in the last part, which holds the changes. */
  private readonly replaced: Uint8Array[];

  constructor(
    readonly generation: number,
    written: SearchPart[],
    changedIds: ReadonlySet<string>,
    changedRows: SearchRow[],
  ) {
    this.parts = [...written, searchPartOf(changedRows)];
    this.replaced = this.parts.map((part, index) => {
      const flags = new Uint8Array(part.rows.length);
      if (index < written.length) part.rows.forEach((row, rowIndex) => (flags[rowIndex] = changedIds.has(row[0]) ? 1 : 0));
      return flags;
    });
  }

  /**
   * The row of a span entry the first time the walk meets its user, unless a later change replaced
   * it (the last part holds the changes themselves).
   */
  private firstVisit(walk: Walk, part: number, entry: number): SearchRow | null {
    const source = this.parts[part] as SearchPart;
    const owner = source.owners[entry] as number;
    const seen = walk.seen[part] as Uint8Array;
    if (seen[owner] || (this.replaced[part] as Uint8Array)[owner]) return null;
    seen[owner] = 1;
    return source.rows[owner] as SearchRow;
  }

  private consider(walk: Walk, row: SearchRow): boolean {
    for (const term of walk.unchecked) if (!hasPrefix(row[7], term)) return false;
    walk.top.offer(row, tierOf(row, walk.terms));
    return true;
  }

  private spansOf(prefix: string): Span[] {
    return this.parts.map((part, index) => ({
      part: index,
      start: lowerBound(part.keys, prefix),
      end: lowerBound(part.keys, `${prefix}\uffff`),
    }));
  }

  /** Users whose email or login is the whole query rank first, as the IndexedDB search's exact lookups do. */
  private exactAddress(walk: Walk, whole: string): void {
    this.parts.forEach((part, index) => {
      for (let entry = lowerBound(part.keys, whole); part.keys[entry] === whole; entry++) {
        const row = part.rows[part.owners[entry] as number] as SearchRow;
        if (!isAddressOf(row[3], whole) && !isAddressOf(row[2], whole)) continue;
        const visited = this.firstVisit(walk, index, entry);
        if (visited) walk.top.offer(visited, 0);
      }
    });
  }

  /**
   * Every entry of the spans, part by part: first the entries of the whole word, then those of
   * longer words. A user met through the whole word ranks at tier 1 at best and a part lists them by
   * name, so a part's whole-word entries stop once the results are full of users that rank before
   * them; longer words (tier 2 at best) are skipped once every result is at tier 1.
   */
  private walkAll(walk: Walk, spans: Span[], word: string): void {
    const longerWordsFrom = spans.map((span) => this.walkWholeWord(walk, span, word));
    if (walk.top.full && walk.top.worstTier <= 1) return;
    spans.forEach((span, index) => {
      for (let entry = longerWordsFrom[index] as number; entry < span.end; entry++) {
        const row = this.firstVisit(walk, span.part, entry);
        if (row) this.consider(walk, row);
      }
    });
  }

  /** Walks a span's entries of exactly `word` until no later one could enter the results; returns where longer words start. */
  private walkWholeWord(walk: Walk, span: Span, word: string): number {
    const { keys, rows, owners } = this.parts[span.part] as SearchPart;
    let entry = span.start;
    for (; entry < span.end && keys[entry] === word; entry++) {
      if (walk.top.holdsBetterThan(1, rows[owners[entry] as number] as SearchRow)) break;
      const row = this.firstVisit(walk, span.part, entry);
      if (row) this.consider(walk, row);
    }
    while (entry < span.end && keys[entry] === word) entry += 1;
    return entry;
  }

  /** The spans merged in token order (whole-word matches first), until WIDE_QUERY_MATCHES users match. */
  private walkInTokenOrder(walk: Walk, spans: Span[]): void {
    const at = spans.map((span) => span.start);
    let matched = 0;
    while (matched < WIDE_QUERY_MATCHES) {
      let best = -1;
      let bestKey = '';
      spans.forEach((span, index) => {
        const position = at[index] as number;
        if (position >= span.end) return;
        const key = (this.parts[span.part] as SearchPart).keys[position] as string;
        if (best === -1 || key < bestKey) {
          best = index;
          bestKey = key;
        }
      });
      const span = spans[best];
      if (!span) return;
      const entry = at[best] as number;
      at[best] = entry + 1;
      const row = this.firstVisit(walk, span.part, entry);
      if (row && this.consider(walk, row)) matched += 1;
    }
  }

  /** Users matching every word of `query` by token prefix, best first (as searchUsers ranks them). */
  search(query: string, limit = SEARCH_RESULT_LIMIT): UserSummary[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const whole = normalizeText(query);
    const narrowing = terms.filter((term) => term.length >= MIN_NARROWING_LENGTH);
    const narrowest = (narrowing.length > 0 ? narrowing : [longest(terms)])
      .map((word) => {
        const spans = this.spansOf(word);
        return { word, spans, entries: spans.reduce((sum, span) => sum + span.end - span.start, 0) };
      })
      .reduce((best, next) => (next.entries < best.entries ? next : best));
    const unchecked = [...terms];
    unchecked.splice(unchecked.indexOf(narrowest.word), 1);
    const walk: Walk = { terms, unchecked, seen: this.parts.map((part) => new Uint8Array(part.rows.length)), top: new TopRanked(limit) };
    if (!/\s/.test(whole)) this.exactAddress(walk, whole);
    if (narrowest.entries <= FULL_RANK_ENTRIES) this.walkAll(walk, narrowest.spans, narrowest.word);
    else this.walkInTokenOrder(walk, narrowest.spans);
    return walk.top.kept.map(({ row }) => summaryOf(row));
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
