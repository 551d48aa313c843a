import { z } from 'zod';
import { clearSessions } from '@/lib/okta';
import { SIGNED_UP_STATUSES } from '../statuses';
import { defineUserAction } from '../types';

export const revokeSessionsAction = defineUserAction({
  id: 'revoke-sessions',
  label: 'Revoke sessions',
  description: 'Signs the user out of Okta everywhere.',
  danger: 'medium',
  allowedStatuses: SIGNED_UP_STATUSES,
  defaultGate: 'confirm',
  inputs: [{ name: 'oauthTokens', kind: 'boolean', label: 'Also revoke OAuth and OIDC tokens', default: true }],
  input: z.object({ oauthTokens: z.boolean().default(true) }),
  keywords: ['sessions', 'sign out', 'logout', 'kill session', 'tokens'],
  inActionBar: true,
  async run({ client, user }, input) {
    await clearSessions(client, user.id, input);
    return {
      summary: input.oauthTokens ? 'Sessions and OAuth tokens revoked.' : 'Sessions revoked.',
    };
  },
});
