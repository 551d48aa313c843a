import { z } from 'zod';
import { Detection } from '@/lib/detect/types';
import { message } from '../define';
import type { ExtensionStatus, PanelContext } from '../views';

export const coreMessages = {
  /** The only message a content script may send: what it found on the ticket. */
  reportDetection: message<void>()(Detection.nullable(), ['content-script']),
  /** The content script registers the panel frame it is about to create, with a nonce only that frame knows. */
  registerPanel: message<void>()(z.object({ nonce: z.string().regex(/^[0-9a-f-]{36}$/) }), ['content-script']),
  getPanelContext: message<PanelContext>()(z.object({ nonce: z.string().max(64) }), ['extension-page']),
  getStatus: message<ExtensionStatus>()(z.undefined(), ['extension-page']),
};
