import type { UserRecord } from './records';
import { strippedTokens, userSummaryOf } from './search';
import { wordsOf } from './tokens';

/**
 * One user as the in-memory search keeps them: what a result shows (id, status, login, email, name),
 * what ranks it (sort name; first and last name words) and its search tokens. Word lists are one
 * string, each word after a line break ("\njane\ndoe"), so that `includes("\n" + term)` tests a
 * prefix; a tuple, so that a part of 10,000 users stays a compact JSON string.
 */
export type SearchRow = [id: string, status: string, login: string, email: string, name: string, sortName: string, nameWords: string, tokens: string];

/** Line breaks cannot occur in a normalized name word or address, so they delimit words. */
export const WORD_SEPARATOR = '\n';

function wordList(words: string[]): string {
  return words.map((word) => WORD_SEPARATOR + word).join('');
}

/** Tokens sorted by UTF-16 code units, the order binary search and IndexedDB keys share; `keys[i]` belongs to `rows[owners[i]]`. */
export interface TokenList {
  keys: string[];
  owners: number[];
}

/**
 * A slice of the directory for the in-memory search: its users, and their tokens in two sorted
 * lists, first and last name words apart from the rest (addresses, display names), so that a word
 * prefix is two binary searches per list. The entries of one token list its users by sort name
 * and id, the order results are ranked in within a tier.
 */
export interface SearchPart {
  rows: SearchRow[];
  names: TokenList;
  others: TokenList;
}

/** A change to one user since the parts were written: the user as now, or null when they left the directory. */
export interface SearchChange {
  row: SearchRow | null;
}

export function searchRowOf(user: UserRecord): SearchRow {
  const { id, status, login, email, name } = userSummaryOf(user);
  return [
    id,
    status,
    login,
    email,
    name,
    user.sortName,
    wordList([...wordsOf(user.profile.firstName as string | undefined), ...wordsOf(user.profile.lastName as string | undefined)]),
    wordList(strippedTokens(user.tokens, user.generation)),
  ];
}

function tokenList(rows: SearchRow[], entries: [string, number][]): TokenList {
  const byName = (x: number, y: number) => {
    const [a, b] = [rows[x] as SearchRow, rows[y] as SearchRow];
    return a[5] < b[5] ? -1 : a[5] > b[5] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  };
  entries.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : byName(x, y)));
  return { keys: entries.map(([token]) => token), owners: entries.map(([, owner]) => owner) };
}

export function searchPartOf(rows: SearchRow[]): SearchPart {
  const names: [string, number][] = [];
  const others: [string, number][] = [];
  rows.forEach((row, index) => {
    const nameWords = new Set(row[6].split(WORD_SEPARATOR).slice(1));
    for (const token of row[7].split(WORD_SEPARATOR).slice(1)) (nameWords.has(token) ? names : others).push([token, index]);
  });
  return { rows, names: tokenList(rows, names), others: tokenList(rows, others) };
}
