import { z } from 'zod';
import { Detection } from '@/lib/detect/types';
import { message } from '../define';
import type { ExtensionStatus, PanelContext } from '../views';

export const coreMessages = {
  /** The only message a content script may send: what it found on the ticket. */
  reportDetection: message<void>()(Detection.nullable(), ['content-script']),
  getPanelContext: message<PanelContext>()(z.undefined(), ['extension-page']),
  getStatus: message<ExtensionStatus>()(z.undefined(), ['extension-page']),
};
