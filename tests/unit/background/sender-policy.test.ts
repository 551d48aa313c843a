import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { senderClassifier } from '@/lib/background/sender-policy';
import { createSettingsCache } from '@/lib/background/settings-cache';
import { updateSettings } from '@/lib/settings/store';

const contentScriptOn = (url: string): Browser.runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url, tab: { id: 4 } as Browser.tabs.Tab });

/** storage.managed as Chrome has it right after starting: no answer until its policies are loaded. */
function managedStorageStillLoading(): (policy: Record<string, unknown>) => void {
  let answer!: (policy: Record<string, unknown>) => void;
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
  return (policy) => answer(policy);
}

describe("the router's sender check", () => {
  it('accepts a content script on an enabled helpdesk without waiting for the managed policy', async () => {
    managedStorageStillLoading();
    const classify = senderClassifier(createSettingsCache());
    expect(await classify(contentScriptOn('https://acme.zendesk.com/agent/tickets/1'))).toBe('content-script');
    expect(await classify({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/panel.html` })).toBe('extension-page');
  });

  it('waits for the managed policy before deciding on a host only the policy enables', async () => {
    const answerPolicy = managedStorageStillLoading();
    const classify = senderClassifier(createSettingsCache());
    let decided: string | null | undefined;
    const decision = classify(contentScriptOn('https://help.acme.com/tickets/7')).then((kind) => (decided = kind));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(decided).toBeUndefined();
    answerPolicy({ selfHostedOrigins: ['https://help.acme.com'] });
    await decision;
    expect(decided).toBe('content-script');
  });

  it('refuses a page of a helpdesk turned off, and a page of another extension', async () => {
    const classify = senderClassifier(createSettingsCache());
    expect(await classify(contentScriptOn('https://acme.zendesk.com/agent/tickets/1'))).toBe('content-script');
    await updateSettings({ helpdesks: { zendesk: false } });
    expect(await classify(contentScriptOn('https://acme.zendesk.com/agent/tickets/1'))).toBeNull();
    expect(await classify({ id: 'another-extension', url: 'chrome-extension://another-extension/page.html' })).toBeNull();
  });
});
