import { z } from 'zod';
import { unassignUserFromApp } from '@/lib/okta';
import { ANY_STATUS } from '../statuses';
import { defineUserAction } from '../types';
import { AppRef, appName } from './refs';

export const removeAppAction = defineUserAction({
  id: 'remove-app',
  label: 'Remove app',
  description: 'Removes a direct app assignment; the app profile is lost and the app may deprovision the account.',
  danger: 'medium',
  allowedStatuses: ANY_STATUS,
  defaultGate: 'confirm',
  inputs: [{ name: 'app', kind: 'app', label: 'App', multiple: false }],
  input: z.object({ app: AppRef }),
  keywords: ['app', 'unassign', 'remove access'],
  inActionBar: false,
  async run({ client, user }, { app }) {
    await unassignUserFromApp(client, app.id, user.id);
    return { summary: `Removed ${appName(app)}.` };
  },
});
