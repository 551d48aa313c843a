import { cleanEmail, cleanText, MAX_NAME, parseNameAndEmail } from './text';
import type { DetectedPerson, PersonRole } from './types';

type Source = DetectedPerson['source'];

/** A sanitized person, or null when neither a valid email nor a name is present. */
export function person(role: PersonRole, source: Source, email: unknown, name: unknown): DetectedPerson | null {
  const cleanedEmail = cleanEmail(email);
  let cleanedName = cleanText(name, MAX_NAME);
  if (cleanedName && cleanEmail(cleanedName)) cleanedName = undefined;
  if (!cleanedEmail && !cleanedName) return null;
  return { role, source, ...(cleanedEmail ? { email: cleanedEmail } : {}), ...(cleanedName ? { name: cleanedName } : {}) };
}

/** A person from one piece of text such as `Jane Doe <jane@example.com>`. */
export function personFromText(role: PersonRole, source: Source, text: string | null | undefined): DetectedPerson | null {
  if (!text) return null;
  const { email, name } = parseNameAndEmail(text.slice(0, 1000));
  return person(role, source, email, name);
}

/** Drops nulls and repeated people (same email, or same name without email), keeping the first. */
export function uniquePeople(people: (DetectedPerson | null | undefined)[], limit = 20): DetectedPerson[] {
  const seen = new Set<string>();
  const out: DetectedPerson[] = [];
  for (const p of people) {
    if (!p) continue;
    const key = p.email ?? `name:${p.name?.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}
