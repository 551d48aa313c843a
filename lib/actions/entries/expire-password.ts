import { z } from 'zod';
import { expirePassword } from '@/lib/okta';
import { PASSWORD_STATUSES } from '../statuses';
import { defineUserAction } from '../types';

export const expirePasswordAction = defineUserAction({
  id: 'expire-password',
  label: 'Expire password',
  description: 'The user must choose a new password the next time they sign in.',
  danger: 'low',
  allowedStatuses: PASSWORD_STATUSES,
  defaultGate: 'confirm',
  inputs: [],
  input: z.object({}),
  keywords: ['password', 'expire', 'force change'],
  inActionBar: true,
  async run({ client, user }) {
    const updated = await expirePassword(client, user.id);
    return { summary: 'Password expired; the user must choose a new one at next sign-in.', status: updated.status };
  },
});
