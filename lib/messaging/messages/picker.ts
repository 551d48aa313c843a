import { z } from 'zod';
import { message } from '../define';

export const pickerMessages = {
  /** The panel (identified by its nonce) lets its tab's top frame report one picked rule within two minutes. */
  armPicker: message<void>()(z.object({ nonce: z.string().max(64) }), ['extension-page']),
  /** The content script's pick: a selector and the URL pattern it applies to (see lib/detect/picked-url-pattern.ts). */
  reportPickedRule: message<void>()(
    z.object({
      selector: z.string().trim().min(1).max(1000),
      urlPattern: z.string().max(500).regex(/^\//, 'must be a path glob starting with "/"'),
    }),
    ['content-script'],
  ),
};
