import { browser } from 'wxt/browser';
import type { SenderPolicyContext } from '@/lib/messaging/sender';
import { loadSettings, settingsItem } from '@/lib/settings/store';
import { enabledHelpdeskPatterns } from './helpdesk-hosts';

/**
 * What the router checks every sender against, kept between messages and read again once the
 * settings or the managed policy change. Otherwise each message would first wait on two storage
 * reads in the browser process, which is busiest just when a helpdesk page loads and its content
 * script reports the requester.
 */
export function cachedSenderPolicy(): () => Promise<SenderPolicyContext> {
  let policy: Promise<SenderPolicyContext> | undefined;
  const forget = () => (policy = undefined);
  settingsItem.watch(forget);
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') forget();
  });
  return () => {
    if (!policy) {
      const read = loadSettings().then((settings) => ({ extensionId: browser.runtime.id, enabledHelpdeskPatterns: enabledHelpdeskPatterns(settings) }));
      policy = read;
      read.catch(() => {
        if (policy === read) policy = undefined;
      });
    }
    return policy;
  };
}
