import { browser } from 'wxt/browser';
import type { SenderPolicyContext } from '@/lib/messaging/sender';
import { loadSettings } from '@/lib/settings/store';
import { enabledHelpdeskPatterns } from './helpdesk-hosts';

/** The settings' key in storage.local (`settingsItem`). */
const SETTINGS_KEY = 'settings';

/**
 * What the router checks every sender against, kept between messages and read again once the
 * settings or the managed policy change. Otherwise each message would first wait on two storage
 * reads in the browser process, which is busiest just when a helpdesk page loads and its content
 * script reports the requester.
 */
export function cachedSenderPolicy(): () => Promise<SenderPolicyContext> {
  let policy: Promise<SenderPolicyContext> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) policy = undefined;
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
