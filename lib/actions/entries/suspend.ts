import { z } from 'zod';
import { suspendUser } from '@/lib/okta';
import { ACTIVE } from '../statuses';
import { defineUserAction } from '../types';

export const suspendAction = defineUserAction({
  id: 'suspend',
  label: 'Suspend',
  description: 'Blocks sign-in and ends sessions until unsuspended; apps and groups are kept.',
  danger: 'medium',
  allowedStatuses: ACTIVE,
  defaultGate: 'confirm',
  inputs: [],
  input: z.object({}),
  keywords: ['suspend', 'block', 'lost device'],
  inActionBar: true,
  async run({ client, user }) {
    await suspendUser(client, user.id);
    return { summary: 'User suspended.', status: 'SUSPENDED' };
  },
});
