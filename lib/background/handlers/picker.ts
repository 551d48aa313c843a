import { browser, type Browser } from 'wxt/browser';
import type { Handlers } from '@/lib/messaging/router';
import { RefusedMessageError } from '@/lib/messaging/router';
import { START_PICKER } from '@/lib/messaging/picker-command';
import { loadStoredSettings, updateSettings } from '@/lib/settings/store';
import type { CustomRuleSetting } from '@/lib/settings/schema';
import { getTabState } from '../detections';
import { armPickerForTab, disarmPicker, takePickerArming } from '../picker-arming';

const MAX_CUSTOM_RULES = 200;
const NOT_OUR_PANEL = 'This panel was not opened by Deskside on this page, so it cannot start pick mode.';

type AuditRefusal = (name: string, reason: string, sender: Browser.runtime.MessageSender) => void | Promise<void>;

/** The saved rules with `picked` in place of an earlier pick for the same host and URL pattern. */
export function withPickedRule(rules: CustomRuleSetting[], picked: Omit<CustomRuleSetting, 'id' | 'pickedOnPage' | 'role'>): CustomRuleSetting[] {
  const kept = rules.filter((r) => !(r.pickedOnPage && r.host === picked.host && r.urlPattern === picked.urlPattern));
  if (kept.length >= MAX_CUSTOM_RULES) {
    throw new Error(`Deskside already has ${MAX_CUSTOM_RULES} custom rules. Delete one in Options → Helpdesks, then pick again.`);
  }
  return [...kept, { id: crypto.randomUUID().slice(0, 8), ...picked, role: 'requester', pickedOnPage: true }];
}

export function pickerHandlers(auditRefusal: AuditRefusal): Pick<Handlers, 'armPicker' | 'reportPickedRule'> {
  return {
    async armPicker({ nonce }, { sender }) {
      const tabId = sender.tab?.id;
      const state = tabId === undefined ? null : await getTabState(tabId);
      // Only the panel frame our content script created knows the nonce; a page embedding panel.html does not.
      if (tabId === undefined || !state?.panelNonce || state.panelNonce !== nonce) throw new RefusedMessageError(NOT_OUR_PANEL);
      await armPickerForTab(tabId);
      try {
        await browser.tabs.sendMessage(tabId, START_PICKER, { frameId: 0 });
      } catch {
        await disarmPicker(tabId);
        throw new Error('The page did not answer, so pick mode could not start. Reload the page and try again.');
      }
    },
    async reportPickedRule({ selector, urlPattern }, { sender }) {
      const tabId = sender.tab?.id;
      const refuse = async (reason: string): Promise<never> => {
        await auditRefusal('reportPickedRule', reason, sender);
        throw new RefusedMessageError(`Refused: ${reason}.`);
      };
      if (tabId === undefined || !sender.url || sender.frameId !== 0) return refuse('only the top frame of a tab may report a picked rule');
      if (!(await takePickerArming(tabId))) return refuse('this tab was not asked to pick a requester, or the two minutes to pick have passed');
      const host = new URL(sender.url).hostname;
      const settings = await loadStoredSettings();
      await updateSettings({ customRules: withPickedRule(settings.customRules, { host, urlPattern, selector }) });
    },
  };
}
