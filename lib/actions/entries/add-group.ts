import { z } from 'zod';
import { addUserToGroup } from '@/lib/okta';
import { NOT_DEPROVISIONED } from '../statuses';
import { defineUserAction } from '../types';
import { GroupRef, groupName } from './refs';

export const addGroupAction = defineUserAction({
  id: 'add-group',
  label: 'Add to group',
  description: 'Adds the user to Okta-managed groups (imported and built-in groups are managed elsewhere).',
  danger: 'low',
  allowedStatuses: NOT_DEPROVISIONED,
  defaultGate: 'confirm',
  inputs: [{ name: 'groups', kind: 'group', label: 'Group', multiple: true }],
  /** Empty only in a playbook whose baseline has no groups configured yet. */
  input: z.object({ groups: z.array(GroupRef).max(50) }),
  keywords: ['group', 'add group', 'membership', 'access'],
  inActionBar: true,
  async run({ client, user }, { groups }) {
    for (const group of groups) await addUserToGroup(client, group.id, user.id, { groupType: group.type });
    if (groups.length === 0) return { summary: 'No groups to add.' };
    return { summary: `Added to ${groups.map(groupName).join(', ')}.` };
  },
});
