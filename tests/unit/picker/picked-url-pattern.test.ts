import { describe, expect, it } from 'vitest';
import { pickedUrlPattern } from '@/lib/detect/picked-url-pattern';
import { urlMatchesPattern } from '@/lib/detect/url-pattern';

describe('the URL pattern saved with a picked rule', () => {
  it.each([
    ['https://acme.kayako.com/agent/conversations/5521', '/agent/conversations/*'],
    ['https://acme.zendesk.com/agent/tickets/123', '/agent/tickets/*'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/IT/queues/custom/1/IT-42', '/jira/servicedesk/projects/IT/queues/custom/*/*'],
    ['https://desk.acme.example/scp/tickets.php?id=9', '/scp/tickets.php?**'],
    ['https://desk.acme.example/helpdesk/#/tickets/77', '/helpdesk/#/tickets/*'],
    ['https://desk.acme.example/requests/view#comments', '/requests/view#**'],
    ['https://desk.acme.example/tickets/3f2c9a1e-8b7d-4e6f-a5b4-0c1d2e3f4a5b/details', '/tickets/*/details'],
  ])('%s → %s', (href, expected) => {
    expect(pickedUrlPattern(new URL(href))).toBe(expected);
  });

  it('matches the other tickets of the same kind and not other pages', () => {
    const pattern = pickedUrlPattern(new URL('https://acme.kayako.com/agent/conversations/5521'));
    expect(urlMatchesPattern(pattern, new URL('https://acme.kayako.com/agent/conversations/17'))).toBe(true);
    expect(urlMatchesPattern(pattern, new URL('https://acme.kayako.com/agent/users/17'))).toBe(false);
    const query = pickedUrlPattern(new URL('https://desk.acme.example/scp/tickets.php?id=9'));
    expect(urlMatchesPattern(query, new URL('https://desk.acme.example/scp/tickets.php?id=10&tab=notes'))).toBe(true);
  });
});
