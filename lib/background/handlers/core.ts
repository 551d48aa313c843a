import { getTabState, setTabState } from '../detections';
import type { Handlers } from '@/lib/messaging/router';
import { RefusedMessageError } from '@/lib/messaging/router';
import type { BackgroundServices } from '../services';

export function coreHandlers(services: BackgroundServices): Pick<Handlers, 'reportDetection' | 'getPanelContext' | 'getStatus'> {
  return {
    async reportDetection(detection, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !sender.url) throw new RefusedMessageError('Refused: a detection must come from a tab.');
      // Only the top frame speaks for the tab; a helpdesk's inner frames are read by the top frame's detector.
      if (sender.frameId !== 0) throw new RefusedMessageError('Refused: only the top frame reports detections.');
      await setTabState(tabId, { pageHost: new URL(sender.url).host, detection });
    },
    async getPanelContext(_input, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new RefusedMessageError('Refused: the panel must sit in a tab.');
      const state = await getTabState(tabId);
      return { tabId, pageHost: state?.pageHost ?? 'unknown', detection: state?.detection ?? null };
    },
    getStatus: () => services.status(),
  };
}
