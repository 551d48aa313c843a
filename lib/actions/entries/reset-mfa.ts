import { z } from 'zod';
import { resetFactors } from '@/lib/okta';
import { SIGNED_UP_STATUSES } from '../statuses';
import { defineUserAction } from '../types';

export const resetMfaAction = defineUserAction({
  id: 'reset-mfa',
  label: 'Reset MFA',
  description: 'Removes every enrolled factor; the user enrolls again at next sign-in.',
  danger: 'high',
  allowedStatuses: SIGNED_UP_STATUSES,
  defaultGate: 'typed',
  inputs: [],
  input: z.object({}),
  keywords: ['mfa', 'factors', 'authenticator', '2fa', 'otp', 'lost phone', 'okta verify'],
  inActionBar: true,
  async run({ client, user }) {
    await resetFactors(client, user.id);
    return { summary: 'All factors removed; the user will enroll again at next sign-in.' };
  },
});
