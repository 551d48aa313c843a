import { z } from 'zod';
import { resetPassword } from '@/lib/okta';
import { PASSWORD_STATUSES } from '../statuses';
import { defineUserAction } from '../types';

export const resetPasswordAction = defineUserAction({
  id: 'reset-password',
  label: 'Reset password',
  description: 'Starts a password reset: Okta emails the user a reset link, or gives you a one-time link to pass on.',
  danger: 'medium',
  allowedStatuses: PASSWORD_STATUSES,
  defaultGate: 'confirm',
  inputs: [
    { name: 'sendEmail', kind: 'boolean', label: 'Email the reset link to the user (otherwise show it here once)', default: true },
    { name: 'revokeSessions', kind: 'boolean', label: 'Also sign them out everywhere', default: false },
  ],
  input: z.object({ sendEmail: z.boolean().default(true), revokeSessions: z.boolean().default(false) }),
  keywords: ['password', 'forgot', 'reset link', 'recovery'],
  inActionBar: true,
  async run({ client, user }, input) {
    const { resetPasswordUrl } = await resetPassword(client, user.id, input);
    return {
      summary: resetPasswordUrl
        ? 'Password reset started; the one-time reset link is below.'
        : 'Password reset started; Okta emailed the reset link to the user.',
      status: 'RECOVERY',
      ...(resetPasswordUrl ? { secret: { label: 'Reset link', value: resetPasswordUrl } } : {}),
    };
  },
});
