import '@/lib/zod-setup';
import { defineContentScript, injectScript } from '#imports';
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_RUN_AT, HELPDESK_HOST_PATTERNS } from '@/lib/detect/hosts';
import { createPageValueReader } from '@/lib/detect/page-value-client';
import { startDetection, ticketIdFor } from '@/lib/detect/runtime';
import { sendMessage } from '@/lib/messaging/channel';
import { isStartPicker } from '@/lib/messaging/picker-command';
import { loadContentSettings } from '@/lib/settings/content-view';
import { helpdeskForPage } from './enabled-here';
import { createPanelFrame, panelNonce, type PanelFrame } from './panel-frame';
import { startPicker, type PickedRule } from './picker';

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

export default defineContentScript({
  matches: HELPDESK_HOST_PATTERNS,
  // At document start: on a ticket's URL the panel's frame starts loading, and the helpdesk's API is
  // asked for the ticket's people, while the page is still being parsed; the page is read once parsed.
  runAt: CONTENT_SCRIPT_RUN_AT,
  async main(ctx) {
    let settings = await loadContentSettings();
    const helpdesk = helpdeskForPage(new URL(location.href), settings);
    if (!helpdesk.enabled) return;

    // Nothing is added to other pages. On a ticket's URL the panel loads hidden while the ticket's
    // people are read, and shows once one is found. The nonce is sent first; the frame does not wait
    // for the answer, since the background holds the frame's first request until the nonce is stored.
    const nonce = panelNonce();
    sendMessage('registerPanel', { nonce }).catch((error: unknown) => console.warn('Deskside could not register its panel; reload the page.', error));
    let panel: PanelFrame | undefined;
    const ensurePanel = (): PanelFrame => (panel ??= createPanelFrame(ctx, nonce));
    // The MAIN-world bridge (only ServiceNow's g_ck session token) is injected when an adapter first asks.
    const readPageValue = createPageValueReader(window);
    const bridge = once(() => injectScript('/page-bridge.js', { keepInDom: true }).catch(() => undefined));

    const detect = () => startDetection({
      url: () => location.href,
      doc: document,
      signal: ctx.signal,
      excludeEmails: () => settings.agentEmails,
      customRules: settings.customRules,
      helpdesk: helpdesk.adapterId,
      pageValue: async (name) => {
        await bridge();
        return readPageValue(name);
      },
      onTicketPage() {
        ensurePanel();
      },
      onDetection(found) {
        sendMessage('reportDetection', found).catch(() => {
          // The extension was reloaded or the worker refused; the next detection tries again.
        });
        if (found && found.people.length > 0) ensurePanel().show();
        else if (!found) panel?.hide();
        else panel?.releaseRoomIfHidden();
      },
    });
    // A URL that names a ticket gets its hidden frame now; pages whose ticket shows only in the DOM get it once read.
    if (document.documentElement && ticketIdFor(new URL(location.href), document, helpdesk.adapterId)) ensurePanel();
    // Started while the page loads: a ticket's API is asked at once, the page is read once parsed.
    let detection = detect();
    ctx.addEventListener(window, 'wxt:locationchange', () => detection.rerun());

    // "Pick requester on page" in the panel: the background (never the page) starts pick mode.
    let stopPicker: (() => void) | undefined;
    ctx.signal.addEventListener('abort', () => stopPicker?.());
    const onPick = async (rule: PickedRule) => {
      await sendMessage('reportPickedRule', rule);
      settings = await loadContentSettings();
      detection.stop();
      detection = detect();
    };
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || sender.tab || !isStartPicker(message)) return;
      stopPicker?.();
      stopPicker = startPicker((rule) => void onPick(rule).catch((e: unknown) => console.warn('Deskside could not save the picked requester:', e)));
      sendResponse(true);
    });
  },
});
