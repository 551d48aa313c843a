import { z } from 'zod';
import { createUser } from '@/lib/okta';
import { defineNewUserAction } from '../types';

const Name = z.string().trim().min(1, 'Enter a name.').max(100);
const Email = z.string().trim().max(100).email('Enter a valid email address.');

export const createUserAction = defineNewUserAction({
  id: 'create-user',
  label: 'Create user',
  description: 'Creates the person in Okta; activation emails them a link to set up the account.',
  danger: 'medium',
  allowedStatuses: [],
  defaultGate: 'confirm',
  inputs: [
    { name: 'firstName', kind: 'text', label: 'First name', autocomplete: 'off' },
    { name: 'lastName', kind: 'text', label: 'Last name', autocomplete: 'off' },
    { name: 'email', kind: 'text', label: 'Email', autocomplete: 'off' },
    { name: 'login', kind: 'text', label: 'Okta login', autocomplete: 'off' },
    { name: 'activate', kind: 'boolean', label: 'Activate now (emails the activation link)', default: false },
  ],
  input: z.object({ firstName: Name, lastName: Name, email: Email, login: Email, activate: z.boolean().default(false) }),
  keywords: ['create', 'new user', 'add user', 'onboard'],
  inActionBar: false,
  loginOf: (input) => input.login,
  async run({ client }, { activate, ...profile }) {
    const user = await createUser(client, profile, { activate });
    return {
      summary: `Created ${user.profile.login} (${user.status === 'STAGED' ? 'staged, not yet activated' : user.status.toLowerCase()}).`,
      status: user.status,
      createdUserId: user.id,
    };
  },
});
