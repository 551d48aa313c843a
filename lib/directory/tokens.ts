/** Lowercase, without accents, trimmed: how both stored tokens and queries are compared. */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Words of a name: "Anne-Marie O'Neil" → anne, marie, o, neil. */
export function wordsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** An address as a whole, its local part, and the local part's pieces (jane.doe+it → jane, doe, it). */
export function addressTokens(address: string | null | undefined): string[] {
  if (!address) return [];
  const whole = normalizeText(address);
  if (!whole) return [];
  const local = whole.split('@')[0] ?? whole;
  return [whole, local, ...local.split(/[._+\-]+/)].filter((token) => token.length > 0);
}

/**
 * Search tokens live in one multiEntry index for all generations, so each carries its generation:
 * "12:jane". A prefix query for generation 12 is then a single key range.
 */
export function generationToken(generation: number, token: string): string {
  return `${generation}:${token}`;
}

/** Pair keys keep at most this many letters of their first word; a longer query word is checked on the record. */
export const NAME_PAIR_PREFIX_MAX = 6;
/** Names with more words than this (rare) pair only their first ones, to bound the index. */
const NAME_PAIR_WORDS_MAX = 4;

/**
 * Keys for two-word name queries, each "prefix of one name word" + space + "another name word":
 * Fiona Lassiter gives "fi lassiter" … "fiona lassiter" and "la fiona" … "lassit fiona". A query
 * "fio las" is then the single key range starting "fio las", whatever the order of the words, so
 * two common words never mean intersecting two long lists.
 */
export function namePairsOf(nameWords: readonly string[]): string[] {
  const words = [...new Set(nameWords)].slice(0, NAME_PAIR_WORDS_MAX);
  const pairs = new Set<string>();
  for (const first of words) {
    for (const second of words) {
      if (first === second) continue;
      for (let length = 2; length <= Math.min(first.length, NAME_PAIR_PREFIX_MAX); length++) pairs.add(`${first.slice(0, length)} ${second}`);
    }
  }
  return [...pairs];
}

export function generationTokens(generation: number, tokens: Iterable<string>): string[] {
  return [...new Set(tokens)].map((token) => generationToken(generation, token));
}
