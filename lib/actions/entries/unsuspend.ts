import { z } from 'zod';
import { unsuspendUser } from '@/lib/okta';
import { SUSPENDED } from '../statuses';
import { defineUserAction } from '../types';

export const unsuspendAction = defineUserAction({
  id: 'unsuspend',
  label: 'Unsuspend',
  description: 'Lets a suspended user sign in again.',
  danger: 'low',
  allowedStatuses: SUSPENDED,
  defaultGate: 'confirm',
  inputs: [],
  input: z.object({}),
  keywords: ['unsuspend', 'unblock', 'restore'],
  inActionBar: true,
  async run({ client, user }) {
    await unsuspendUser(client, user.id);
    return { summary: 'User unsuspended.', status: 'ACTIVE' };
  },
});
