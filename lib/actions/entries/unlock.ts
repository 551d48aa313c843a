import { z } from 'zod';
import { unlockUser } from '@/lib/okta';
import { LOCKED_OUT } from '../statuses';
import { defineUserAction } from '../types';

export const unlockAction = defineUserAction({
  id: 'unlock',
  label: 'Unlock',
  description: 'Unlocks an account locked after too many failed sign-ins.',
  danger: 'low',
  allowedStatuses: LOCKED_OUT,
  defaultGate: 'confirm',
  inputs: [],
  input: z.object({}),
  keywords: ['unlock', 'locked out', 'locked'],
  inActionBar: true,
  async run({ client, user }) {
    await unlockUser(client, user.id);
    return { summary: 'Account unlocked.', status: 'ACTIVE' };
  },
});
