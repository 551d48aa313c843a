import { getTabState, updateTabState } from '../detections';
import type { HandlerContext, Handlers } from '@/lib/messaging/router';
import { RefusedMessageError } from '@/lib/messaging/router';
import type { BackgroundServices } from '../services';

export const PANEL_NOT_OURS = 'This panel was not opened by Deskside on this page, so it shows nothing.';

/** The tab of a message from a content script's top frame; helpdesk inner frames are read by the top frame. */
function topFrameTab(sender: HandlerContext['sender']): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) throw new RefusedMessageError('Refused: this message must come from a tab.');
  if (sender.frameId !== 0) throw new RefusedMessageError('Refused: only the top frame of a tab may send this.');
  return tabId;
}

export function coreHandlers(services: BackgroundServices): Pick<Handlers, 'reportDetection' | 'registerPanel' | 'getPanelContext' | 'getStatus'> {
  return {
    async reportDetection(detection, { sender }) {
      const tabId = topFrameTab(sender);
      const pageHost = new URL(sender.url!).host;
      await updateTabState(tabId, (state) => ({ pageHost, detection, panelNonce: state?.panelNonce ?? null }));
    },
    async registerPanel({ nonce }, { sender }) {
      const tabId = topFrameTab(sender);
      const pageHost = new URL(sender.url!).host;
      await updateTabState(tabId, (state) => ({ pageHost, detection: state?.detection ?? null, panelNonce: nonce }));
    },
    async getPanelContext({ nonce }, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new RefusedMessageError('Refused: the panel must sit in a tab.');
      const state = await getTabState(tabId);
      // A page can embed panel.html itself; only the frame our content script created knows the nonce.
      if (!state?.panelNonce || state.panelNonce !== nonce) throw new RefusedMessageError(PANEL_NOT_OURS);
      return { tabId, pageHost: state.pageHost, detection: state.detection };
    },
    getStatus: () => services.status(),
  };
}
