import { z } from 'zod';
import { deleteUser } from '@/lib/okta';
import { DEPROVISIONED } from '../statuses';
import { defineUserAction } from '../types';

export const deleteAction = defineUserAction({
  id: 'delete',
  label: 'Delete',
  description: 'Permanently deletes the deactivated user from Okta. This cannot be undone.',
  danger: 'high',
  allowedStatuses: DEPROVISIONED,
  defaultGate: 'typed',
  inputs: [],
  input: z.object({}),
  keywords: ['delete', 'remove user', 'purge'],
  inActionBar: true,
  async run({ client, user }) {
    await deleteUser(client, user.id);
    return { summary: 'User deleted from Okta.' };
  },
});
