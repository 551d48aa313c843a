import { describe, expect, it } from 'vitest';
import { classifySender } from '@/lib/messaging/sender';
import { matchesPattern } from '@/lib/detect/match-pattern';

const policy = { extensionId: 'ext', enabledHelpdeskPatterns: ['https://*.zendesk.com/*', 'https://help.acme.com/*'] };
const tab = { id: 7 } as never;

describe('classifySender', () => {
  it('knows our own pages', () => {
    expect(classifySender({ id: 'ext', url: 'chrome-extension://ext/panel.html#n' }, policy)).toBe('extension-page');
    expect(classifySender({ id: 'ext', url: 'moz-extension://uuid/options.html' }, policy)).toBe('extension-page');
  });

  it('knows content scripts on enabled helpdesk hosts only', () => {
    expect(classifySender({ id: 'ext', tab, url: 'https://acme.zendesk.com/agent/tickets/1' }, policy)).toBe('content-script');
    expect(classifySender({ id: 'ext', tab, url: 'https://help.acme.com/scp/tickets.php?id=3' }, policy)).toBe('content-script');
    expect(classifySender({ id: 'ext', tab, url: 'https://evil.example.com/' }, policy)).toBeNull();
    expect(classifySender({ id: 'ext', tab, url: 'http://acme.zendesk.com/' }, policy)).toBeNull();
    expect(classifySender({ id: 'ext', tab, url: 'https://zendesk.com.evil.io/' }, policy)).toBeNull();
  });

  it('refuses other extensions, tab-less web senders and malformed URLs', () => {
    expect(classifySender({ id: 'other', url: 'chrome-extension://other/x.html' }, policy)).toBeNull();
    expect(classifySender({ id: 'ext', url: 'https://acme.zendesk.com/' }, policy)).toBeNull();
    expect(classifySender({ id: 'ext', tab, url: 'not a url' }, policy)).toBeNull();
    expect(classifySender({ id: 'ext', tab }, policy)).toBeNull();
  });
});

describe('matchesPattern', () => {
  it('is strict: no globs, no catch-all, http(s) only for a * scheme', () => {
    expect(matchesPattern(new URL('https://a.zendesk.com/x'), 'https://*.zendesk.com/*')).toBe(true);
    expect(matchesPattern(new URL('https://zendesk.com/x'), 'https://*.zendesk.com/*')).toBe(true);
    expect(matchesPattern(new URL('https://a.zendesk.com/x'), '*')).toBe(false);
    expect(matchesPattern(new URL('https://a.zendesk.com/x'), '')).toBe(false);
    expect(matchesPattern(new URL('ftp://a.zendesk.com/x'), '*://*.zendesk.com/*')).toBe(false);
    expect(matchesPattern(new URL('http://127.0.0.1:8080/t'), 'http://127.0.0.1/*')).toBe(true);
  });
});
