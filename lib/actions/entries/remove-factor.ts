import { z } from 'zod';
import { deleteFactor } from '@/lib/okta';
import { SIGNED_UP_STATUSES } from '../statuses';
import { defineUserAction } from '../types';

export const removeFactorAction = defineUserAction({
  id: 'remove-factor',
  label: 'Remove factor',
  description: 'Unenrolls one factor (removing Okta Verify push also removes its other Okta Verify factors).',
  danger: 'medium',
  allowedStatuses: SIGNED_UP_STATUSES,
  defaultGate: 'confirm',
  inputs: [{ name: 'factorId', kind: 'factor', label: 'Factor' }],
  input: z.object({ factorId: z.string().min(1).max(100), factorType: z.string().max(60).optional() }),
  keywords: ['factor', 'mfa', 'unenroll'],
  inActionBar: false,
  async run({ client, user }, input) {
    await deleteFactor(client, user.id, input.factorId);
    return { summary: `Factor ${input.factorType ?? input.factorId} removed.` };
  },
});
