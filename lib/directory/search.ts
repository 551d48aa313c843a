import type { IDBPObjectStore } from 'idb';
import type { UserSummary } from '@/lib/messaging/views';
import type { DirectoryDb, DirectorySchema } from './db';
import type { AppRecord, GroupRecord, UserRecord } from './records';
import { publishedGenerationIn } from './state';
import { generationToken, NAME_PAIR_PREFIX_MAX, normalizeText, wordsOf } from './tokens';

export const SEARCH_RESULT_LIMIT = 20;
/** Records read for a one-word query: the index orders whole-word matches first, so these hold the best 20. */
const SINGLE_TERM_SCAN = 30;
/** Keys read per word of a longer query, intersected before any record is read. */
const KEY_SCAN_LIMIT = 600;
/**
 * When the first reads were cut short and their intersection came out small (two common words, such
 * as a common first and last name), the cut lists are read again this far: about a quarter of a
 * 100k org, which only a one- or two-letter prefix reaches.
 */
const WIDE_KEY_SCAN_LIMIT = 25_000;
/** Shorter words match too much to narrow anything; they only filter the candidates. */
export const MIN_NARROWING_LENGTH = 2;
const MULTI_TERM_CANDIDATES = 24;
/** Records read, in batches of MULTI_TERM_CANDIDATES, to check words too short to narrow ("smith j"). */
const MAX_CANDIDATE_READS = 2_000;
/** Groups and apps are few; one bounded read ranks them. */
const NAMED_SCAN_LIMIT = 400;

/** "jane.doe", "jane.doe@ex": matched whole against the email/login tokens. */
function isAddressLike(word: string): boolean {
  return word.includes('@') || /[\p{L}\p{N}][._+][\p{L}\p{N}]/u.test(word);
}

/** Query words: an address-like word stays whole (it matches emails and logins), others split like names. */
export function queryTerms(query: string): string[] {
  return normalizeText(query)
    .split(/\s+/)
    .flatMap((word) => (isAddressLike(word) ? [word] : wordsOf(word)))
    .filter((term) => term.length > 0);
}

function prefixRange(generation: number, term: string): IDBKeyRange {
  const lower = generationToken(generation, term);
  return IDBKeyRange.bound(lower, `${lower}\uffff`);
}

export function longest(terms: string[]): string {
  return terms.reduce((best, term) => (term.length > best.length ? term : best));
}

type UsersStore = IDBPObjectStore<DirectorySchema, ('syncState' | 'users')[], 'users', 'readonly'>;

/**
 * The name-pair key range answering a query of several name words: the shortest word of two letters
 * or more as the prefix (cut to what pair keys keep), then the longest other word, which may still be
 * being typed. "fio las" and "las fio" both read the keys starting "fio las" (or "las fio"). Null when
 * no word has two letters or a word is an address.
 */
function namePairOf(terms: string[]): string | null {
  if (terms.length < 2 || terms.some(isAddressLike)) return null;
  const prefixes = terms.filter((term) => term.length >= MIN_NARROWING_LENGTH);
  if (prefixes.length === 0) return null;
  const first = prefixes.reduce((best, term) => (term.length < best.length ? term : best));
  const rest = [...terms];
  rest.splice(rest.indexOf(first), 1);
  return `${first.slice(0, NAME_PAIR_PREFIX_MAX)} ${longest(rest)}`;
}

/**
 * Reads records in batches of MULTI_TERM_CANDIDATES, from `start`, until that many match every word
 * (one-letter words and the part of a long word that pair keys do not hold are checked here) or the
 * ids run out. `matching` holds the matches of ids before `start`, already read.
 */
async function readMatching(
  users: UsersStore,
  generation: number,
  ids: string[],
  terms: string[],
  { start: from = 0, matching = [] }: { start?: number; matching?: UserRecord[] } = {},
): Promise<UserRecord[]> {
  const readable = Math.min(ids.length, MAX_CANDIDATE_READS);
  for (let start = from; start < readable && matching.length < MULTI_TERM_CANDIDATES; start += MULTI_TERM_CANDIDATES) {
    const batch = await Promise.all(ids.slice(start, start + MULTI_TERM_CANDIDATES).map((id) => users.get([generation, id])));
    for (const user of batch) if (user && matchesEveryTerm(user, generation, terms)) matching.push(user);
  }
  return matching;
}

/**
 * Users matching several words. Name words: one read of the name-pair index (see namePairOf); only
 * when that read is full and some of it fails a word are the pair's ids read further. Otherwise
 * (an address among the words, or only one-letter words) candidates come from the single-word
 * index's keys: every word but the last as a whole token first ("james smi"), then each word as a
 * prefix, the first KEY_SCAN_LIMIT keys each, widened to WIDE_KEY_SCAN_LIMIT when that finds too
 * few and a list was cut short.
 */
async function candidatesForWords(users: UsersStore, generation: number, terms: string[]): Promise<UserRecord[]> {
  const pair = namePairOf(terms);
  if (pair !== null) {
    const range = prefixRange(generation, pair);
    const read = await users.index('namePairs').getAll(range, MULTI_TERM_CANDIDATES);
    const matching = read.filter((user) => matchesEveryTerm(user, generation, terms));
    if (read.length < MULTI_TERM_CANDIDATES || matching.length === read.length) return matching;
    // Keys come in the same order as the records just read, so reading goes on after them.
    const ids = (await users.index('namePairs').getAllKeys(range, MAX_CANDIDATE_READS)).map((key) => key[1]);
    return readMatching(users, generation, ids, terms, { start: read.length, matching });
  }
  const tokens = users.index('tokens');
  const narrowing = terms.filter((term) => term.length >= MIN_NARROWING_LENGTH);
  const words = narrowing.length > 0 ? narrowing : [longest(terms)];
  const idsUnder = async (range: IDBKeyRange, cap: number) => {
    const keys = await tokens.getAllKeys(range, cap);
    return { ids: new Set(keys.map((key) => key[1])), truncated: keys.length === cap };
  };
  let found: string[] = [];
  if (words.length > 1) {
    const last = words.length - 1;
    const wholeWords = words.map((term, index) => (index === last ? prefixRange(generation, term) : IDBKeyRange.only(generationToken(generation, term))));
    found = intersection((await Promise.all(wholeWords.map((range) => idsUnder(range, WIDE_KEY_SCAN_LIMIT)))).map((list) => list.ids));
  }
  if (found.length === 0) {
    const capped = await Promise.all(words.map((term) => idsUnder(prefixRange(generation, term), KEY_SCAN_LIMIT)));
    found = intersection(capped.map((list) => list.ids));
    if (found.length < MULTI_TERM_CANDIDATES && capped.some((list) => list.truncated)) {
      const wide = await Promise.all(capped.map((list, index) => (list.truncated ? idsUnder(prefixRange(generation, words[index] ?? ''), WIDE_KEY_SCAN_LIMIT) : list)));
      found = intersection(wide.map((list) => list.ids));
    }
  }
  return readMatching(users, generation, found, terms);
}

function matchesEveryTerm(record: { tokens: string[] }, generation: number, terms: string[]): boolean {
  const tokens = strippedTokens(record.tokens, generation);
  return terms.every((term) => tokens.some((token) => token.startsWith(term)));
}

function intersection(sets: Set<string>[]): string[] {
  const [narrowest, ...others] = [...sets].sort((a, b) => a.size - b.size);
  return [...(narrowest ?? [])].filter((id) => others.every((set) => set.has(id)));
}

/** Tokens without their generation prefix. */
export function strippedTokens(tokens: string[], generation: number): string[] {
  const prefix = generationToken(generation, '');
  return tokens.map((token) => token.slice(prefix.length));
}

/**
 * 0: the query is the user's email or login; 1: every word is a whole first or last name;
 * 2: every word starts a first or last name; 3: other prefixes (email, login, display name).
 */
function tierOf(user: UserRecord, query: string, terms: string[]): number {
  if (user.email === query || user.login === query) return 0;
  const names = [...wordsOf(user.profile.firstName as string | undefined), ...wordsOf(user.profile.lastName as string | undefined)];
  if (terms.every((term) => names.includes(term))) return 1;
  if (terms.every((term) => names.some((name) => name.startsWith(term)))) return 2;
  return 3;
}

function byName(a: { sortName: string; id: string }, b: { sortName: string; id: string }): number {
  return a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The generation each database's last search found published. */
const lastPublished = new WeakMap<DirectoryDb, number>();

/**
 * Users of the published generation matching every word of `query` by token prefix, best first:
 * exact email/login, then whole first/last name, then name prefixes, then other prefixes; ties by name.
 */
export async function searchUsers(db: DirectoryDb, query: string, limit = SEARCH_RESULT_LIMIT): Promise<UserRecord[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const whole = normalizeText(query);
  const tx = db.transaction(['syncState', 'users']);
  const published = publishedGenerationIn(tx.objectStore('syncState'));
  const users = tx.objectStore('users');
  // One word that is the whole query ("jdoe", "kim.lee@example.com") is its own email or login token,
  // which the token range reads first; other queries ("DOMAIN\\jdoe") look the exact address up. An
  // address has no spaces, so "jane doe" skips those lookups: they would queue ahead of its name reads.
  const exact = !(terms.length === 1 && terms[0] === whole) && !/\s/.test(whole);
  const read = (generation: number) =>
    Promise.all([
      exact ? users.index('email').getAll([generation, whole], limit) : [],
      exact ? users.index('login').getAll([generation, whole], limit) : [],
      terms.length === 1
        ? users.index('tokens').getAll(prefixRange(generation, terms[0] ?? ''), SINGLE_TERM_SCAN)
        : candidatesForWords(users, generation, terms),
    ]);
  // The records are read with the generation the last search found while the pointer is read, in
  // the same transaction (one snapshot); only if the pointer has moved since are they read again.
  const assumed = lastPublished.get(db);
  const early = assumed === undefined ? null : read(assumed);
  early?.catch(() => undefined);
  const generation = await published;
  lastPublished.set(db, generation);
  const [byEmail, byLogin, scanned] = await (early && generation === assumed ? early : read(generation));
  const candidates = new Map<string, UserRecord>();
  for (const user of [...byEmail, ...byLogin]) candidates.set(user.id, user);
  // Every scanned user matches every word: one word by the index range it was read from, several
  // as candidatesForWords checked them. The index lists a user once per matching token.
  for (const user of scanned) if (!candidates.has(user.id)) candidates.set(user.id, user);
  return [...candidates.values()]
    .map((user) => ({ user, tier: tierOf(user, whole, terms), sortName: user.sortName, id: user.id }))
    .sort((a, b) => a.tier - b.tier || byName(a, b))
    .slice(0, limit)
    .map(({ user }) => user);
}

/** A search hit as lists show it. */
export function userSummaryOf(user: UserRecord): UserSummary {
  return {
    id: user.id,
    login: user.profile.login,
    email: typeof user.profile.email === 'string' ? user.profile.email : user.email,
    name: [user.profile.firstName, user.profile.lastName].filter((part) => typeof part === 'string' && part).join(' ') || user.profile.login,
    status: user.status,
  };
}

/** The user whose email or login is exactly `value` (case-insensitive), email first. */
export async function findUserByEmailOrLogin(db: DirectoryDb, value: string): Promise<UserRecord | null> {
  const key = normalizeText(value);
  if (!key) return null;
  const tx = db.transaction(['syncState', 'users']);
  const generation = await publishedGenerationIn(tx.objectStore('syncState'));
  const users = tx.objectStore('users');
  return (await users.index('email').get([generation, key])) ?? (await users.index('login').get([generation, key])) ?? null;
}

async function searchNamed<S extends 'groups' | 'apps'>(
  db: DirectoryDb,
  store: S,
  query: string,
  nameOf: (record: S extends 'groups' ? GroupRecord : AppRecord) => string,
  limit: number,
): Promise<(S extends 'groups' ? GroupRecord : AppRecord)[]> {
  type Row = S extends 'groups' ? GroupRecord : AppRecord;
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const tx = db.transaction(['syncState', store]);
  const generation = await publishedGenerationIn(tx.objectStore('syncState'));
  const rows = (await tx.objectStore(store).index('tokens').getAll(prefixRange(generation, longest(terms)), NAMED_SCAN_LIMIT)) as Row[];
  const unique = new Map<string, Row>();
  for (const row of rows) if (matchesEveryTerm(row, generation, terms)) unique.set(row.id, row);
  return [...unique.values()]
    .map((row) => ({ row, sortName: normalizeText(nameOf(row)), id: row.id }))
    .sort(byName)
    .slice(0, limit)
    .map(({ row }) => row);
}

/** Groups whose name words start with every word of `query`, by name. */
export function searchGroups(db: DirectoryDb, query: string, limit = SEARCH_RESULT_LIMIT): Promise<GroupRecord[]> {
  return searchNamed(db, 'groups', query, (group) => group.name, limit);
}

/** Apps whose label or name words start with every word of `query`, by label. */
export function searchApps(db: DirectoryDb, query: string, limit = SEARCH_RESULT_LIMIT): Promise<AppRecord[]> {
  return searchNamed(db, 'apps', query, (app) => app.label, limit);
}
