import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lookupQueryFrom, setPendingLookup, takePendingLookup } from '@/lib/background/pending-lookup';
import { applyManagedPolicy, lockedFields, ManagedPolicy } from '@/lib/settings/managed';
import { Settings } from '@/lib/settings/schema';

describe('managed policy', () => {
  const saved = Settings.parse({
    oktaDomain: 'https://mine.okta.com',
    authMode: 'ssws',
    gates: { suspend: 'none', unlock: 'none' },
    selfHosted: [{ origin: 'https://help.acme.com', helpdesk: 'osticket' }],
  });
  const policy = ManagedPolicy.parse({
    oktaDomain: 'https://corp.okta.com',
    oauthClientId: '0oa-corp',
    gates: { suspend: 'typed' },
    selfHostedOrigins: ['https://help.acme.com', 'https://rt.acme.com'],
  });

  it('overrides what it sets and keeps the rest', () => {
    const applied = applyManagedPolicy(saved, policy);
    expect(applied.oktaDomain).toBe('https://corp.okta.com');
    expect(applied).toMatchObject({ authMode: 'oauth', oauthClientId: '0oa-corp' });
    expect(applied.gates).toEqual({ suspend: 'typed', unlock: 'none' });
    expect(applied.selfHosted).toEqual([
      { origin: 'https://help.acme.com', helpdesk: 'osticket' },
      { origin: 'https://rt.acme.com', helpdesk: 'auto' },
    ]);
  });

  it('locks exactly the fields the policy sets', () => {
    expect(lockedFields(policy).sort()).toEqual(['gates', 'oauthClientId', 'oktaDomain', 'selfHostedOrigins']);
    expect(lockedFields(ManagedPolicy.parse({ gates: { deactivate: 'disabled' } }))).toEqual(['gates']);
    expect(lockedFields({})).toEqual([]);
  });

  it('changes nothing without a policy', () => {
    expect(applyManagedPolicy(saved, {})).toEqual(saved);
  });
});

describe('context-menu lookup', () => {
  it('looks up a mailto link’s address, else the selected text, as a plain query', () => {
    expect(lookupQueryFrom({ linkUrl: 'mailto:Grace.Hansen%40example.com?subject=hi', selectionText: 'ignored' })).toBe('Grace.Hansen@example.com');
    expect(lookupQueryFrom({ selectionText: '  Grace\n  Hansen ' })).toBe('Grace Hansen');
    expect(lookupQueryFrom({ linkUrl: 'https://example.com', selectionText: '' })).toBeNull();
    expect(lookupQueryFrom({ selectionText: 'x'.repeat(5000) })?.length).toBe(200);
  });

  it('hands the query to the popup once, through storage.session', async () => {
    await setPendingLookup('grace');
    expect(await takePendingLookup()).toBe('grace');
    expect(await takePendingLookup()).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
