import '@/lib/zod-setup';
import { defineContentScript, injectScript } from '#imports';
import { HELPDESK_HOST_PATTERNS } from '@/lib/detect/hosts';
import { createPageValueReader } from '@/lib/detect/page-value-client';
import { startDetection } from '@/lib/detect/runtime';
import { sendMessage } from '@/lib/messaging/channel';
import { loadContentSettings } from '@/lib/settings/content-view';
import { helpdeskForPage } from './enabled-here';
import { createPanelFrame, panelNonce } from './panel-frame';

export default defineContentScript({
  matches: HELPDESK_HOST_PATTERNS,
  runAt: 'document_idle',
  async main(ctx) {
    const settings = await loadContentSettings();
    const helpdesk = helpdeskForPage(new URL(location.href), settings);
    if (!helpdesk.enabled) return;
    const nonce = panelNonce();
    await sendMessage('registerPanel', { nonce });
    const frame = createPanelFrame(ctx, nonce);
    // The MAIN-world bridge answers only for whitelisted globals (ServiceNow's g_ck session token).
    await injectScript('/page-bridge.js', { keepInDom: true }).catch(() => undefined);

    const detection = startDetection({
      url: () => location.href,
      doc: document,
      signal: ctx.signal,
      excludeEmails: () => settings.agentEmails,
      customRules: settings.customRules,
      helpdesk: helpdesk.adapterId,
      pageValue: createPageValueReader(window),
      onDetection(found) {
        if (found && found.people.length > 0) frame.show();
        else if (!found) frame.hide();
        sendMessage('reportDetection', found).catch(() => {
          // The extension was reloaded or the worker refused; the next detection tries again.
        });
      },
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => detection.rerun());
  },
});
