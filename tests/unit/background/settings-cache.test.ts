import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsCache, DISPLAY_POLICY_WAIT_MS } from '@/lib/background/settings-cache';
import { updateSettings } from '@/lib/settings/store';

describe("the worker's settings cache", () => {
  it('reads the settings and the policy once while neither changes', async () => {
    const cache = createSettingsCache();
    const localReads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const managedReads = vi.spyOn(fakeBrowser.storage.managed, 'get');
    await cache.settings();
    const [local, managed] = [localReads.mock.calls.length, managedReads.mock.calls.length];
    expect(managed).toBe(1);
    await Promise.all([cache.settings(), cache.forDisplay(), cache.settings()]);
    expect(localReads.mock.calls.length).toBe(local);
    expect(managedReads.mock.calls.length).toBe(managed);
  });

  it('reads again once the saved settings or the managed policy change', async () => {
    const cache = createSettingsCache();
    expect((await cache.settings()).helpdesks.zendesk).not.toBe(false);
    await updateSettings({ helpdesks: { zendesk: false } });
    expect((await cache.settings()).helpdesks.zendesk).toBe(false);
    expect((await cache.stored()).helpdesks.zendesk).toBe(false);

    await fakeBrowser.storage.managed.set({ oktaDomain: 'https://corp.okta.com' });
    expect((await cache.settings()).oktaDomain).toBe('https://corp.okta.com');
    expect((await cache.forDisplay()).oktaDomain).toBe('https://corp.okta.com');
  });

  it('gives what is only shown the saved settings when the managed policy does not answer in time, and the policy once it has', async () => {
    await updateSettings({ oktaDomain: 'https://acme.okta.com' });
    let answer!: (policy: Record<string, unknown>) => void;
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    const cache = createSettingsCache();
    const startedAt = Date.now();
    expect((await cache.forDisplay()).oktaDomain).toBe('https://acme.okta.com');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(DISPLAY_POLICY_WAIT_MS - 5);

    let withPolicy: string | null | undefined;
    const settings = cache.settings().then((s) => (withPolicy = s.oktaDomain));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(withPolicy, 'the full settings wait for the policy').toBeUndefined();
    answer({ oktaDomain: 'https://corp.okta.com' });
    await settings;
    expect(withPolicy).toBe('https://corp.okta.com');
    expect((await cache.forDisplay()).oktaDomain).toBe('https://corp.okta.com');
  });

  it('does not wait again for a policy that kept an earlier caller waiting, nor after asking it again', async () => {
    const managed = vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {}) as never);
    const cache = createSettingsCache();
    await cache.forDisplay();
    let startedAt = Date.now();
    await cache.forDisplay();
    expect(Date.now() - startedAt).toBeLessThan(DISPLAY_POLICY_WAIT_MS / 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    void cache.settings();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(managed, 'asked again after a second unanswered').toHaveBeenCalledTimes(2);
    startedAt = Date.now();
    await cache.forDisplay();
    expect(Date.now() - startedAt).toBeLessThan(DISPLAY_POLICY_WAIT_MS / 2);
  });

  it('asks again for a policy left unanswered for a second, and keeps the answer', async () => {
    vi.useFakeTimers();
    try {
      await updateSettings({ oktaDomain: 'https://acme.okta.com' });
      const managed = vi
        .spyOn(fakeBrowser.storage.managed, 'get')
        .mockReturnValueOnce(new Promise(() => {}) as never)
        .mockResolvedValue({ oktaDomain: 'https://corp.okta.com' } as never);
      const cache = createSettingsCache();
      void cache.settings();
      await vi.advanceTimersByTimeAsync(500);
      void cache.settings();
      expect(managed).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(600);
      expect((await cache.settings()).oktaDomain).toBe('https://corp.okta.com');
      expect(managed).toHaveBeenCalledTimes(2);
      expect((await cache.forDisplay()).oktaDomain).toBe('https://corp.okta.com');
      expect(managed).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not keep a failed read', async () => {
    const cache = createSettingsCache();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage is gone'));
    await expect(cache.stored()).rejects.toThrow('storage is gone');
    expect((await cache.stored()).helpdesks).toBeDefined();
  });
});
