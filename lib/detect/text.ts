/** Sanitizing of strings read from untrusted pages and APIs: plain text only, bounded length. */

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
const EMAIL_SHAPE = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}$/;

/** Global search pattern for email addresses in free text (bounded quantifiers). */
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;

/** Collapses whitespace, drops control and bidi characters, trims and caps the length. */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.slice(0, max * 4).replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim().slice(0, max).trim();
  return text === '' ? undefined : text;
}

/** A lower-cased email address if `value` is one, otherwise undefined. */
export function cleanEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().replace(/^mailto:/i, '').split('?')[0]!.trim().toLowerCase();
  return email.length <= 254 && EMAIL_SHAPE.test(email) ? email : undefined;
}

/** Names shorter than this are accepted from the page; longer text is not a person's name. */
export const MAX_NAME = 200;

/** Every email address in `text`, lower-cased, in order of appearance, at most `limit`. */
export function emailsIn(text: string, limit = 20): string[] {
  const found: string[] = [];
  for (const match of text.slice(0, 20_000).matchAll(EMAIL_IN_TEXT)) {
    const email = cleanEmail(match[0]);
    if (email && !found.includes(email)) found.push(email);
    if (found.length >= limit) break;
  }
  return found;
}

/** Splits `Jane Doe <jane@example.com>` (or `"Doe, Jane" <…>`) into name and email. */
export function parseNameAndEmail(text: string): { name?: string; email?: string } {
  const email = emailsIn(text, 1)[0];
  if (!email) return { name: cleanText(text, MAX_NAME) };
  const rest = text
    .replace(EMAIL_IN_TEXT, ' ')
    .replace(/[<>()[\]"]/g, ' ')
    .replace(/mailto:/gi, ' ')
    .replace(/^[\s·•|,;:–—-]+|[\s·•|,;:–—-]+$/g, '');
  return { email, name: cleanText(rest, MAX_NAME) };
}
