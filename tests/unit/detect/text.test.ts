import { describe, expect, it } from 'vitest';
import { person, uniquePeople } from '@/lib/detect/person';
import { cleanEmail, cleanText, emailsIn, parseNameAndEmail } from '@/lib/detect/text';
import { DetectedPerson } from '@/lib/detect/types';

describe('sanitizing page strings', () => {
  it('collapses whitespace, drops control and bidi characters, and caps length', () => {
    expect(cleanText('  Jane\u202e\n\tDoe\u0000 ', 200)).toBe('Jane Doe');
    expect(cleanText('x'.repeat(1000), 200)).toHaveLength(200);
    expect(cleanText('   ', 10)).toBeUndefined();
    expect(cleanText(42, 10)).toBeUndefined();
  });

  it('accepts only email-shaped strings, lower-cased, without mailto: or a query', () => {
    expect(cleanEmail('mailto:Jane.Doe@Example.COM?subject=hi')).toBe('jane.doe@example.com');
    expect(cleanEmail('jane@localhost')).toBeUndefined();
    expect(cleanEmail('<script>@x.com')).toBeUndefined();
    expect(cleanEmail(`${'a'.repeat(300)}@example.com`)).toBeUndefined();
  });

  it('splits "Name <email>" and quoted names', () => {
    expect(parseNameAndEmail('Jane Doe <jane@example.com>')).toEqual({ email: 'jane@example.com', name: 'Jane Doe' });
    expect(parseNameAndEmail('"Doe, Jane" (jane@example.com)')).toEqual({ email: 'jane@example.com', name: 'Doe, Jane' });
  });

  it('finds each address once, in order, up to a limit', () => {
    expect(emailsIn('a@example.com, b@example.com; A@example.com c@example.com', 2)).toEqual(['a@example.com', 'b@example.com']);
  });

  it('keeps markup in an API name as inert text that still fits the Detection schema', () => {
    const p = person('requester', 'api', 'x@example.com', '<img src=x onerror=alert(1)>');
    expect(p?.name).toBe('<img src=x onerror=alert(1)>');
    expect(DetectedPerson.safeParse(p).success).toBe(true);
  });

  it('drops a "name" that is only the email, and people with neither', () => {
    expect(person('requester', 'dom', 'x@example.com', 'x@example.com')).toEqual({ role: 'requester', source: 'dom', email: 'x@example.com' });
    expect(person('requester', 'dom', 'not-an-email', '')).toBeNull();
  });

  it('de-duplicates by email, then by name', () => {
    const people = uniquePeople([
      person('caller', 'api', 'a@example.com', 'A'),
      person('requester', 'dom', 'A@example.com', 'A again'),
      person('contact', 'dom', undefined, 'Bo'),
      person('contact', 'dom', undefined, 'bo'),
      null,
    ]);
    expect(people.map((p) => p.role)).toEqual(['caller', 'contact']);
  });
});
