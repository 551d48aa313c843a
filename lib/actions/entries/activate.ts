import { z } from 'zod';
import { activateUser } from '@/lib/okta';
import { ACTIVATABLE } from '../statuses';
import { defineUserAction } from '../types';
import { activationResult } from './activation-result';

export const activateAction = defineUserAction({
  id: 'activate',
  label: 'Activate',
  description: 'Activates the user: Okta emails an activation link, or gives you a one-time link to pass on.',
  danger: 'low',
  allowedStatuses: ACTIVATABLE,
  defaultGate: 'confirm',
  inputs: [{ name: 'sendEmail', kind: 'boolean', label: 'Email the activation link to the user (otherwise show it here once)', default: true }],
  input: z.object({ sendEmail: z.boolean().default(true) }),
  keywords: ['activate', 'onboard', 'new starter', 'welcome'],
  inActionBar: true,
  async run({ client, user }, input) {
    return activationResult('activated', await activateUser(client, user.id, input));
  },
});
