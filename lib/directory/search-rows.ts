import type { UserRecord } from './records';
import { generationToken, wordsOf } from './tokens';

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

/**
 * A slice of the directory for the in-memory search: its users, and every token of theirs sorted
 * (`keys[i]` belongs to `rows[owners[i]]`), so a word prefix is two binary searches, and the users
 * of one whole word come in ranking order.
 */
export interface SearchPart {
  rows: SearchRow[];
  keys: string[];
  owners: number[];
}

/** A change to one user since the parts were written: the user as now, or null when they left the directory. */
export interface SearchChange {
  row: SearchRow | null;
}

function displayNameOf(user: UserRecord): string {
  const { firstName, lastName, login } = user.profile;
  return [firstName, lastName].filter((part) => typeof part === 'string' && part).join(' ') || login;
}

export function searchRowOf(user: UserRecord): SearchRow {
  const prefix = generationToken(user.generation, '');
  const email = typeof user.profile.email === 'string' ? user.profile.email : user.email;
  return [
    user.id,
    user.status,
    user.profile.login,
    email,
    displayNameOf(user),
    user.sortName,
    wordList([...wordsOf(user.profile.firstName as string | undefined), ...wordsOf(user.profile.lastName as string | undefined)]),
    wordList(user.tokens.map((token) => token.slice(prefix.length))),
  ];
}

/**
 * Sorts the rows' tokens by UTF-16 code units (the order binary search and IndexedDB keys share),
 * and the entries of one token by sort name and id, the order results are ranked in within a tier.
 */
export function searchPartOf(rows: SearchRow[]): SearchPart {
  const entries: [string, number][] = [];
  rows.forEach((row, index) => {
    for (const token of row[7].split(WORD_SEPARATOR).slice(1)) entries.push([token, index]);
  });
  const byName = (x: number, y: number) => {
    const [a, b] = [rows[x] as SearchRow, rows[y] as SearchRow];
    return a[5] < b[5] ? -1 : a[5] > b[5] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  };
  entries.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : byName(x, y)));
  return { rows, keys: entries.map(([token]) => token), owners: entries.map(([, owner]) => owner) };
}
