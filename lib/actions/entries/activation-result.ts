import type { ActivationToken } from '@/lib/okta';
import type { ActionResult } from '../types';

export function activationResult(verb: 'activated' | 'reactivated', token: ActivationToken): ActionResult {
  const url = token.activationUrl;
  return url
    ? { summary: `User ${verb}; the one-time activation link is below.`, secret: { label: 'Activation link', value: url } }
    : { summary: `User ${verb}; Okta emailed the activation link.` };
}
