import '@/lib/zod-setup';
import { defineContentScript } from '#imports';
import { HELPDESK_HOST_PATTERNS } from '@/lib/detect/hosts';
import { startDetection } from '@/lib/detect/runtime';
import { sendMessage } from '@/lib/messaging/protocol';
import { loadSettings } from '@/lib/settings/store';
import { identityItem } from '@/lib/settings/identity';
import { helpdeskForPage } from './enabled-here';
import { createPanelFrame, panelNonce } from './panel-frame';

export default defineContentScript({
  matches: HELPDESK_HOST_PATTERNS,
  runAt: 'document_idle',
  async main(ctx) {
    const settings = await loadSettings();
    const helpdesk = helpdeskForPage(new URL(location.href), settings);
    if (!helpdesk.enabled) return;
    const identity = await identityItem.getValue();
    const nonce = panelNonce();
    await sendMessage('registerPanel', { nonce });
    const frame = createPanelFrame(ctx, nonce);

    const detection = startDetection({
      url: () => location.href,
      doc: document,
      signal: ctx.signal,
      excludeEmails: () => [identity?.login, identity?.email].filter((e): e is string => Boolean(e)),
      customRules: settings.customRules,
      helpdesk: helpdesk.adapterId,
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
