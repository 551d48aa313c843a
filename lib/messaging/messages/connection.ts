import { z } from 'zod';
import { message } from '../define';
import type { ConnectionReport, ExtensionStatus } from '../views';

export const ConnectionInput = z.object({
  domain: z.string().max(300),
  allowCustomDomain: z.boolean().default(false),
  auth: z.discriminatedUnion('type', [
    z.object({ type: z.literal('ssws'), token: z.string().trim().min(1, 'Paste the API token.').max(200) }),
    z.object({ type: z.literal('oauth'), clientId: z.string().trim().min(1, 'Enter the client id.').max(100) }),
  ]),
});
export type ConnectionInput = z.output<typeof ConnectionInput>;

export const connectionMessages = {
  testConnection: message<ConnectionReport>()(ConnectionInput, ['extension-page']),
  saveConnection: message<ConnectionReport>()(ConnectionInput, ['extension-page']),
  removeCredential: message<ExtensionStatus>()(z.undefined(), ['extension-page']),
};
