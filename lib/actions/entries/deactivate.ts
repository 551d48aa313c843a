import { z } from 'zod';
import { deactivateUser } from '@/lib/okta';
import { NOT_DEPROVISIONED } from '../statuses';
import { defineUserAction } from '../types';

export const deactivateAction = defineUserAction({
  id: 'deactivate',
  label: 'Deactivate',
  description: 'Deprovisions the user: sign-in stops and every app assignment is removed.',
  danger: 'high',
  allowedStatuses: NOT_DEPROVISIONED,
  defaultGate: 'typed',
  inputs: [],
  input: z.object({}),
  keywords: ['deactivate', 'deprovision', 'disable', 'leaver'],
  inActionBar: true,
  async run({ client, user }) {
    await deactivateUser(client, user.id);
    return { summary: 'User deactivated (deprovisioned).', status: 'DEPROVISIONED' };
  },
});
