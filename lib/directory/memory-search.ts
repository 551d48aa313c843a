import type { UserSummary } from '@/lib/messaging/views';
import type { DirectoryDb } from './db';
import { generationRange } from './generations';
import { completeParts } from './search-parts';
import { searchPartOf, WORD_SEPARATOR, type SearchPart, type SearchRow, type TokenList } from './search-rows';
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

/** A token list of one part, and whether it holds first and last name words. */
interface Source {
  part: number;
  list: TokenList;
  names: boolean;
}

/** The entries of one source under a prefix. */
interface Span {
  source: Source;
  start: number;
  end: number;
}

/** A query word as found in a word list: as the start of a word ("\nann"), and as a whole word. */
interface Needle {
  start: string;
  whole: string;
}

function needleOf(term: string): Needle {
  return { start: WORD_SEPARATOR + term, whole: WORD_SEPARATOR + term + WORD_SEPARATOR };
}

function hasWord(words: string, needle: Needle): boolean {
  return words.includes(needle.whole) || words.endsWith(needle.start);
}

/** The same tiers as the IndexedDB search: exact email/login (0), whole name words, name prefixes, other prefixes. */
function tierOf(row: SearchRow, needles: Needle[]): number {
  const names = row[6];
  let tier = 1;
  for (const needle of needles) {
    if (hasWord(names, needle)) continue;
    if (!names.includes(needle.start)) return 3;
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
  terms: Needle[];
  /**
   * For each other word of the query, per part, 1 for the rows with a token starting with it:
   * marked from that word's own spans, so a row is read only once it is known to match every word.
   */
  required: Uint8Array[][];
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
  private readonly sources: Source[];
  /** Per part, 1 for each row a recorded change replaces; none in the last part, which holds the changes. */
  private readonly replaced: Uint8Array[];

  constructor(
    readonly generation: number,
    written: SearchPart[],
    changedIds: ReadonlySet<string>,
    changedRows: SearchRow[],
  ) {
    this.parts = [...written, searchPartOf(changedRows)];
    this.sources = this.parts.flatMap((part, index) => [
      { part: index, list: part.names, names: true },
      { part: index, list: part.others, names: false },
    ]);
    this.replaced = this.parts.map((part, index) => {
      const flags = new Uint8Array(part.rows.length);
      if (index < written.length) part.rows.forEach((row, rowIndex) => (flags[rowIndex] = changedIds.has(row[0]) ? 1 : 0));
      return flags;
    });
  }

  private rowOf(span: Span, entry: number): SearchRow {
    return (this.parts[span.source.part] as SearchPart).rows[span.source.list.owners[entry] as number] as SearchRow;
  }

  /**
   * The row of a span entry the first time the walk meets its user, unless a later change replaced
   * it (the last part holds the changes themselves).
   */
  private firstVisit(walk: Walk, span: Span, entry: number): SearchRow | null {
    const { part, list } = span.source;
    const owner = list.owners[entry] as number;
    const seen = walk.seen[part] as Uint8Array;
    if (seen[owner] || (this.replaced[part] as Uint8Array)[owner]) return null;
    seen[owner] = 1;
    for (const rows of walk.required) if (!(rows[part] as Uint8Array)[owner]) return null;
    return (this.parts[part] as SearchPart).rows[owner] as SearchRow;
  }

  private consider(walk: Walk, row: SearchRow): void {
    walk.top.offer(row, tierOf(row, walk.terms));
  }

  /** Per part, 1 for each row with an entry in `spans`. */
  private rowsUnder(spans: Span[]): Uint8Array[] {
    const marks = this.parts.map((part) => new Uint8Array(part.rows.length));
    for (const span of spans) {
      const rows = marks[span.source.part] as Uint8Array;
      const { owners } = span.source.list;
      for (let entry = span.start; entry < span.end; entry++) rows[owners[entry] as number] = 1;
    }
    return marks;
  }

  private spansOf(prefix: string): Span[] {
    return this.sources.map((source) => ({
      source,
      start: lowerBound(source.list.keys, prefix),
      end: lowerBound(source.list.keys, `${prefix}\uffff`),
    }));
  }

  /** Users whose email or login is the whole query rank first, as the IndexedDB search's exact lookups do. */
  private exactAddress(walk: Walk, whole: string): void {
    for (const span of this.spansOf(whole)) {
      for (let entry = span.start; entry < span.end && span.source.list.keys[entry] === whole; entry++) {
        const row = this.rowOf(span, entry);
        if (!isAddressOf(row[3], whole) && !isAddressOf(row[2], whole)) continue;
        const visited = this.firstVisit(walk, span, entry);
        if (visited) walk.top.offer(visited, 0);
      }
    }
  }

  /**
   * Every user under the narrowest word that could still enter the results. Name words first, one
   * token at a time: a token's users come by name and rank at tier 1 at best when the token is the
   * word itself, at tier 2 otherwise (users with the whole word are met under it), so a token's walk
   * stops at the first user the results are already better than. Then the other tokens, whose users
   * without such a name word rank at tier 3: skipped once every result ranks better.
   */
  private walkAll(walk: Walk, spans: Span[], word: string): void {
    for (const span of spans) if (span.source.names) this.walkByToken(walk, span, word);
    if (walk.top.full && walk.top.worstTier <= 2) return;
    for (const span of spans) {
      if (span.source.names) continue;
      for (let entry = span.start; entry < span.end; entry++) {
        const row = this.firstVisit(walk, span, entry);
        if (row) this.consider(walk, row);
      }
    }
  }

  private walkByToken(walk: Walk, span: Span, word: string): void {
    const { keys } = span.source.list;
    let entry = span.start;
    while (entry < span.end) {
      const token = keys[entry];
      const bestTier = token === word ? 1 : 2;
      for (; entry < span.end && keys[entry] === token; entry++) {
        if (walk.top.holdsBetterThan(bestTier, this.rowOf(span, entry))) break;
        const row = this.firstVisit(walk, span, entry);
        if (row) this.consider(walk, row);
      }
      while (entry < span.end && keys[entry] === token) entry += 1;
    }
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
        const key = span.source.list.keys[position] as string;
        if (best === -1 || key < bestKey) {
          best = index;
          bestKey = key;
        }
      });
      const span = spans[best];
      if (!span) return;
      const entry = at[best] as number;
      at[best] = entry + 1;
      const row = this.firstVisit(walk, span, entry);
      if (!row) continue;
      this.consider(walk, row);
      matched += 1;
    }
  }

  /** Users matching every word of `query` by token prefix, best first (as searchUsers ranks them). */
  search(query: string, limit = SEARCH_RESULT_LIMIT): UserSummary[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const whole = normalizeText(query);
    const narrowing = terms.filter((term) => term.length >= MIN_NARROWING_LENGTH);
    const measured = (narrowing.length > 0 ? narrowing : [longest(terms)]).map((word) => {
      const spans = this.spansOf(word);
      return { word, spans, entries: spans.reduce((sum, span) => sum + span.end - span.start, 0) };
    });
    const narrowest = measured.reduce((best, next) => (next.entries < best.entries ? next : best));
    const unchecked = [...terms];
    unchecked.splice(unchecked.indexOf(narrowest.word), 1);
    const required = unchecked.map((term) => this.rowsUnder(measured.find((word) => word.word === term)?.spans ?? this.spansOf(term)));
    const walk: Walk = { terms: terms.map(needleOf), required, seen: this.parts.map((part) => new Uint8Array(part.rows.length)), top: new TopRanked(limit) };
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
