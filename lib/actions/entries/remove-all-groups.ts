import { z } from 'zod';
import { listUserGroups, removeUserFromGroup } from '@/lib/okta';
import { ANY_STATUS } from '../statuses';
import { defineUserAction } from '../types';

export const removeAllGroupsAction = defineUserAction({
  id: 'remove-all-groups',
  label: 'Remove from all groups',
  description: 'Removes the user from every Okta-managed group; imported and built-in memberships stay (they are managed elsewhere).',
  danger: 'high',
  allowedStatuses: ANY_STATUS,
  defaultGate: 'confirm',
  inputs: [],
  input: z.object({}),
  keywords: ['groups', 'remove all', 'strip access', 'offboard'],
  inActionBar: false,
  async run({ client, user }) {
    const groups = (await listUserGroups(client, user.id)).filter((group) => group.type === 'OKTA_GROUP');
    for (const group of groups) await removeUserFromGroup(client, group.id, user.id, { groupType: group.type });
    if (groups.length === 0) return { summary: 'The user was in no Okta-managed groups.' };
    return { summary: `Removed from ${groups.length} group${groups.length === 1 ? '' : 's'}: ${groups.map((g) => g.profile.name).join(', ')}.` };
  },
});
