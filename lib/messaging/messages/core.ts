import { z } from 'zod';
import { Detection } from '@/lib/detect/types';
import { message } from '../define';
import type { ExtensionStatus, PanelContext } from '../views';

export const coreMessages = {
  /** What the content script found on the ticket. Content scripts may send only this, registerPanel and an armed reportPickedRule. */
  reportDetection: message<void>()(Detection.nullable(), ['content-script']),
  /** The content script registers the panel frame it is about to create, with a nonce only that frame knows. */
  registerPanel: message<void>()(z.object({ nonce: z.string().regex(/^[0-9a-f-]{36}$/) }), ['content-script']),
  getPanelContext: message<PanelContext>()(z.object({ nonce: z.string().max(64) }), ['extension-page'], { interactive: true }),
  getStatus: message<ExtensionStatus>()(z.undefined(), ['extension-page']),
};
