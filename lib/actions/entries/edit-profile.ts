import { z } from 'zod';
import { updateProfile } from '@/lib/okta';
import { NOT_DEPROVISIONED } from '../statuses';
import { defineUserAction } from '../types';

/** Attribute names as Okta's user schema allows them; `login` changes are not offered here. */
const AttributeName = z.string().regex(/^[A-Za-z_][\w]*$/).max(100).refine((name) => name !== 'login', 'The login cannot be edited here.');

export const editProfileAction = defineUserAction({
  id: 'edit-profile',
  label: 'Edit profile',
  description: 'Changes profile attributes in Okta (attributes mastered by another system must be changed there).',
  danger: 'low',
  allowedStatuses: NOT_DEPROVISIONED,
  defaultGate: 'confirm',
  inputs: [{ name: 'profile', kind: 'profile', label: 'Profile' }],
  input: z.object({
    profile: z
      .record(AttributeName, z.string().max(1024).nullable())
      .refine((profile) => Object.keys(profile).length > 0 && Object.keys(profile).length <= 40, 'Change between 1 and 40 attributes.'),
  }),
  keywords: ['profile', 'edit', 'title', 'department', 'phone', 'manager'],
  inActionBar: true,
  async run({ client, user }, { profile }) {
    await updateProfile(client, user.id, profile);
    return { summary: `Profile updated: ${Object.keys(profile).join(', ')}.` };
  },
});
