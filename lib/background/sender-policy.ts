import { browser, type Browser } from 'wxt/browser';
import { classifySender, type SenderKind } from '@/lib/messaging/sender';
import type { Settings } from '@/lib/settings/schema';
import { enabledHelpdeskPatterns } from './helpdesk-hosts';
import type { SettingsCache } from './settings-cache';

/**
 * Who sent a message, checked against the helpdesks enabled in the worker's settings. The saved
 * settings are tried first: the managed policy only adds self-hosted origins, so a sender they
 * accept is accepted with the policy too, and a content script's report need not wait for
 * storage.managed (seconds, right after the browser starts). Anything else waits for the policy.
 */
export function senderClassifier(settings: SettingsCache): (sender: Browser.runtime.MessageSender) => Promise<SenderKind | null> {
  const classifyWith = (sender: Browser.runtime.MessageSender, current: Settings) =>
    classifySender(sender, { extensionId: browser.runtime.id, enabledHelpdeskPatterns: enabledHelpdeskPatterns(current) });
  return async (sender) => classifyWith(sender, await settings.stored()) ?? classifyWith(sender, await settings.settings());
}
