import { z } from 'zod';
import { removeUserFromGroup } from '@/lib/okta';
import { ANY_STATUS } from '../statuses';
import { defineUserAction } from '../types';
import { GroupRef, groupName } from './refs';

export const removeGroupAction = defineUserAction({
  id: 'remove-group',
  label: 'Remove from group',
  description: 'Removes the user from one Okta-managed group.',
  danger: 'medium',
  allowedStatuses: ANY_STATUS,
  defaultGate: 'confirm',
  inputs: [{ name: 'group', kind: 'group', label: 'Group', multiple: false }],
  input: z.object({ group: GroupRef }),
  keywords: ['group', 'remove group', 'membership'],
  inActionBar: false,
  async run({ client, user }, { group }) {
    await removeUserFromGroup(client, group.id, user.id, { groupType: group.type });
    return { summary: `Removed from ${groupName(group)}.` };
  },
});
