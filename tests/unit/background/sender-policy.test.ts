import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cachedSenderPolicy } from '@/lib/background/sender-policy';
import { updateSettings } from '@/lib/settings/store';

const ZENDESK = 'https://*.zendesk.com/*';

describe("the router's sender policy", () => {
  it('is read once and kept while the settings stay the same', async () => {
    const policy = cachedSenderPolicy();
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const first = await policy();
    expect(first.enabledHelpdeskPatterns).toContain(ZENDESK);
    const readsForOne = reads.mock.calls.length;
    expect(readsForOne).toBeGreaterThan(0);
    await policy();
    await policy();
    expect(reads.mock.calls.length).toBe(readsForOne);
  });

  it('is read again once the settings change: a helpdesk turned off is no longer a helpdesk sender', async () => {
    const policy = cachedSenderPolicy();
    expect((await policy()).enabledHelpdeskPatterns).toContain(ZENDESK);
    await updateSettings({ helpdesks: { zendesk: false } });
    expect((await policy()).enabledHelpdeskPatterns).not.toContain(ZENDESK);
  });
});
