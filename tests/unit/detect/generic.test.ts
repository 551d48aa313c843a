// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectGeneric } from '@/lib/detect/generic';
import { AGENT_EMAIL, loadFixture, parsePage } from './load-fixture';

describe('generic detector on an unknown helpdesk page', () => {
  it('ranks the labelled "Requested for" person first, then "Requested by", and never the agent', () => {
    const { doc } = loadFixture('generic/unknown-helpdesk.html');
    const { people } = detectGeneric(doc, { excludeEmails: [AGENT_EMAIL.toUpperCase()] });
    expect(people.slice(0, 2)).toEqual([
      { role: 'requested-for', source: 'generic', email: 'ivan.petrov@example.com', name: 'Ivan Petrov' },
      { role: 'requester', source: 'generic', email: 'ana.lopez@example.com', name: 'Ana Lopez' },
    ]);
    expect(people.map((p) => p.email)).not.toContain(AGENT_EMAIL);
  });

  it('keeps unlabelled addresses as lower-ranked candidates and puts no-reply mailboxes last', () => {
    const { doc } = loadFixture('generic/unknown-helpdesk.html');
    const emails = detectGeneric(doc, { excludeEmails: [AGENT_EMAIL] }).people.map((p) => p.email);
    expect(emails).toContain('nina.olsen@example.com');
    expect(emails.indexOf('nina.olsen@example.com')).toBeGreaterThan(1);
    expect(emails.at(-1)).toBe('noreply@example.com');
  });

  it('leaves out the helpdesk\'s own people ("Signed in as", "Assigned to") without being told the agent\'s address', () => {
    const { doc } = loadFixture('generic/unknown-helpdesk.html');
    const emails = detectGeneric(doc).people.map((p) => p.email);
    expect(emails).not.toContain(AGENT_EMAIL);
    expect(emails.slice(0, 2)).toEqual(['ivan.petrov@example.com', 'ana.lopez@example.com']);
  });

  it('keeps an assignee who is also named as the requester, and offers an unlabelled address unless excluded', () => {
    const doc = parsePage(`<main><table>
      <tr><th>Requested by</th><td>Lee Park (lee.park@example.com)</td></tr>
      <tr><th>Assignee</th><td>Lee Park (lee.park@example.com)</td></tr>
    </table><p>Copied: Sam Taylor (sam.taylor@example.com)</p></main>`);
    const emails = detectGeneric(doc).people.map((p) => p.email);
    expect(emails).toEqual(['lee.park@example.com', AGENT_EMAIL]);
    expect(detectGeneric(doc, { excludeEmails: [AGENT_EMAIL] }).people.map((p) => p.email)).toEqual(['lee.park@example.com']);
  });

  it('reads form controls by <label for> and emails inside aria-label', () => {
    const { doc } = loadFixture('generic/form-labels.html');
    const { people } = detectGeneric(doc);
    expect(people[0]).toMatchObject({ role: 'caller', email: 'wei.zhang@example.com' });
    expect(people.map((p) => p.email)).toContain('rosa.alvarez@example.com');
  });

  it('finds people in open shadow roots', () => {
    const doc = parsePage('<main><div id="host"></div></main>');
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<dl><dt>Reporter</dt><dd>Kate Lee <a href="mailto:kate.lee@example.com">mail</a></dd></dl>';
    expect(detectGeneric(doc).people[0]).toMatchObject({ role: 'reporter', email: 'kate.lee@example.com' });
  });

  it('returns nothing on a page without people', () => {
    const doc = parsePage('<main><h1>Dashboard</h1><p>42 open tickets</p></main>');
    expect(detectGeneric(doc).people).toEqual([]);
  });
});

describe('generic detector on hostile pages', () => {
  it('keeps markup in a name as plain text and ignores quoted replies', () => {
    const { doc } = loadFixture('generic/hostile-names.html');
    const { people } = detectGeneric(doc);
    expect(people[0]?.email).toBe('eve.evil@example.com');
    // The name is the element's text: the injected <img> element contributes nothing, and the
    // escaped markup survives only as characters, with the angle brackets of "Name <email>" parsing removed.
    expect(people[0]?.name).toMatch(/^img src=x onerror=alert.*Evil Eve$/);
    expect(people[0]?.name).not.toMatch(/[<>]/);
    expect(people.map((p) => p.email)).not.toContain('mallory.fake@example.com');
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('stops at its node budget on a 50,000-node page with 500 addresses', () => {
    const doc = parsePage('<main id="m"></main>');
    const main = doc.getElementById('m')!;
    const rows: string[] = [];
    for (let i = 0; i < 500; i++) {
      rows.push(`<div class="row"><span>Person ${i}</span> <a href="mailto:user${i}@example.com">user${i}@example.com</a>${'<i>.</i>'.repeat(48)}</div>`);
    }
    main.innerHTML = rows.join('');
    const total = doc.createTreeWalker(doc, 1 | 4);
    let nodes = 0;
    while (total.nextNode()) nodes++;
    expect(nodes).toBeGreaterThanOrEqual(50_000);

    const budget = 5000;
    const result = detectGeneric(doc, { nodeBudget: budget });
    expect(result.visitedNodes).toBeLessThanOrEqual(budget);
    expect(result.truncated).toBe(true);
    expect(result.people.length).toBeLessThanOrEqual(10);
    expect(result.people[0]?.email).toBe('user0@example.com');
  });

  it('reads the whole page when the budget allows and still returns at most maxPeople', () => {
    const doc = parsePage('<main>' + Array.from({ length: 500 }, (_, i) => `<p>u${i}@example.com</p>`).join('') + '</main>');
    const result = detectGeneric(doc, { nodeBudget: 100_000, maxPeople: 7 });
    expect(result.truncated).toBe(false);
    expect(result.people).toHaveLength(7);
  });

  it('does not look inside the Deskside panel host', () => {
    const doc = parsePage('<div data-deskside-host><p>okta.admin@example.com</p></div><p>Customer</p><p>real.person@example.com</p>');
    expect(detectGeneric(doc).people.map((p) => p.email)).toEqual(['real.person@example.com']);
  });
});
