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

export function generationTokens(generation: number, tokens: Iterable<string>): string[] {
  return [...new Set(tokens)].map((token) => generationToken(generation, token));
}
