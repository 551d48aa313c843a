import { z } from 'zod';
import { reactivateUser } from '@/lib/okta';
import { REACTIVATABLE } from '../statuses';
import { defineUserAction } from '../types';
import { activationResult } from './activation-result';

export const reactivateAction = defineUserAction({
  id: 'reactivate',
  label: 'Reactivate',
  description: 'Restarts a pending activation with a new activation link (emailed, or shown here once).',
  danger: 'low',
  allowedStatuses: REACTIVATABLE,
  defaultGate: 'confirm',
  inputs: [{ name: 'sendEmail', kind: 'boolean', label: 'Email the activation link to the user (otherwise show it here once)', default: true }],
  input: z.object({ sendEmail: z.boolean().default(true) }),
  keywords: ['reactivate', 'resend activation', 'activation email'],
  inActionBar: true,
  async run({ client, user }, input) {
    return activationResult('reactivated', await reactivateUser(client, user.id, input));
  },
});
