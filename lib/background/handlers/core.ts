import type { HandlerContext, Handlers } from '@/lib/messaging/router';
import { RefusedMessageError } from '@/lib/messaging/router';
import { createPanelContexts, type PanelContexts } from '../panel-contexts';
import type { BackgroundServices } from '../services';

export const PANEL_NOT_OURS = 'This panel was not opened by Deskside on this page, so it shows nothing.';

/** The tab of a message from a content script's top frame; helpdesk inner frames are read by the top frame. */
function topFrameTab(sender: HandlerContext['sender']): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) throw new RefusedMessageError('Refused: this message must come from a tab.');
  if (sender.frameId !== 0) throw new RefusedMessageError('Refused: only the top frame of a tab may send this.');
  return tabId;
}

export function coreHandlers(
  services: BackgroundServices,
  panels: PanelContexts = createPanelContexts(services),
): Pick<Handlers, 'reportDetection' | 'registerPanel' | 'getPanelContext' | 'getStatus'> {
  return {
    async reportDetection(detection, { sender }) {
      await panels.detected(topFrameTab(sender), new URL(sender.url!).host, detection);
    },
    async registerPanel({ nonce }, { sender }) {
      await panels.registered(topFrameTab(sender), new URL(sender.url!).host, nonce);
    },
    async getPanelContext({ nonce }, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new RefusedMessageError('Refused: the panel must sit in a tab.');
      const context = await panels.forFrame(tabId, nonce);
      if (!context) throw new RefusedMessageError(PANEL_NOT_OURS);
      return context;
    },
    getStatus: () => services.status(),
  };
}
