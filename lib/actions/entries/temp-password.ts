import { z } from 'zod';
import { expirePasswordWithTempPassword } from '@/lib/okta';
import { PASSWORD_STATUSES } from '../statuses';
import { defineUserAction } from '../types';

export const tempPasswordAction = defineUserAction({
  id: 'temp-password',
  label: 'Temporary password',
  description: 'Expires the password and gives you a temporary one to pass on; the user must choose a new password at next sign-in.',
  danger: 'medium',
  allowedStatuses: PASSWORD_STATUSES,
  defaultGate: 'confirm',
  inputs: [{ name: 'revokeSessions', kind: 'boolean', label: 'Also sign them out everywhere', default: false }],
  input: z.object({ revokeSessions: z.boolean().default(false) }),
  keywords: ['password', 'temp', 'one-time password'],
  inActionBar: true,
  async run({ client, user }, input) {
    const { tempPassword } = await expirePasswordWithTempPassword(client, user.id, input);
    return {
      summary: 'Temporary password set; the user must change it at next sign-in.',
      status: 'PASSWORD_EXPIRED',
      secret: { label: 'Temporary password', value: tempPassword },
    };
  },
});
