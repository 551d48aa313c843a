// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyCustomRules, rulesFor } from '@/lib/detect/custom-rules';
import { CustomRule } from '@/lib/detect/custom-rule-schema';
import { urlMatchesPattern } from '@/lib/detect/url-pattern';
import { parsePage } from './load-fixture';

const rule = (r: Partial<CustomRule>): CustomRule => CustomRule.parse({ host: 'desk.acme.example', selector: '.who', role: 'requester', ...r });

describe('URL patterns', () => {
  it.each([
    ['https://*.acme.example/tickets/*', 'https://desk.acme.example/tickets/12', true],
    ['https://*.acme.example/tickets/*', 'https://acme.example/tickets/12', true],
    ['https://*.acme.example/tickets/*', 'http://desk.acme.example/tickets/12', false],
    ['*://desk.acme.example/*', 'http://desk.acme.example/x?y=1', true],
    ['/tickets/*', 'https://desk.acme.example/tickets/12', true],
    ['/tickets/*', 'https://desk.acme.example/tickets/12/edit', false],
    ['/tickets/**', 'https://desk.acme.example/tickets/12/edit', true],
    ['/scp/tickets.php?id=*', 'https://desk.acme.example/scp/tickets.php?id=9', true],
    ['tickets.php*', 'https://desk.acme.example/scp/tickets.php?id=9', true],
    ['', 'https://desk.acme.example/anything', true],
  ])('%s against %s is %s', (pattern, href, expected) => {
    expect(urlMatchesPattern(pattern, new URL(href))).toBe(expected);
  });
});

describe('custom rules', () => {
  const page = parsePage(`
    <div class="who">Jane Doe &lt;jane.doe@example.com&gt;</div>
    <a class="mail" href="mailto:raj.kumar@example.com">Raj</a>
    <span class="plain" title="li.wei@example.com">Li Wei</span>`);

  it('apply only on their host and URL pattern', () => {
    const rules = [rule({ urlPattern: '/tickets/*' }), rule({ host: 'other.example' })];
    expect(rulesFor(rules, new URL('https://desk.acme.example/tickets/5'))).toHaveLength(1);
    expect(rulesFor(rules, new URL('https://desk.acme.example/reports/5'))).toHaveLength(0);
  });

  it('read text, mailto links and email attributes, with the rule role and source', () => {
    const url = new URL('https://desk.acme.example/tickets/5');
    const people = applyCustomRules(
      [rule({}), rule({ selector: 'a.mail', role: 'requested-for' }), rule({ selector: '.plain', role: 'caller' })],
      page,
      url,
    );
    expect(people).toEqual([
      { role: 'requester', source: 'rule', email: 'jane.doe@example.com', name: 'Jane Doe' },
      { role: 'requested-for', source: 'rule', email: 'raj.kumar@example.com', name: 'Raj' },
      { role: 'caller', source: 'rule', email: 'li.wei@example.com', name: 'Li Wei' },
    ]);
  });

  it('treat an invalid selector as no match instead of throwing', () => {
    expect(applyCustomRules([rule({ selector: 'div[' })], page, new URL('https://desk.acme.example/'))).toEqual([]);
  });

  it('reject rules that are not well formed', () => {
    expect(CustomRule.safeParse({ host: '', selector: '.x', role: 'requester' }).success).toBe(false);
    expect(CustomRule.safeParse({ host: 'a', selector: '.x', role: 'boss' }).success).toBe(false);
  });
});
