import { z } from 'zod';
import { assignUserToApp } from '@/lib/okta';
import { NOT_DEPROVISIONED } from '../statuses';
import { defineUserAction } from '../types';
import { AppRef, appName } from './refs';

export const assignAppAction = defineUserAction({
  id: 'assign-app',
  label: 'Assign app',
  description: 'Assigns apps to the user directly; provisioning apps may create an account downstream.',
  danger: 'low',
  allowedStatuses: NOT_DEPROVISIONED,
  defaultGate: 'confirm',
  inputs: [{ name: 'apps', kind: 'app', label: 'App', multiple: true }],
  /** Empty only in a playbook whose app bundle has no apps configured yet. */
  input: z.object({ apps: z.array(AppRef).max(50) }),
  keywords: ['app', 'assign', 'application', 'access'],
  inActionBar: true,
  async run({ client, user }, { apps }) {
    for (const app of apps) await assignUserToApp(client, app.id, user.id);
    if (apps.length === 0) return { summary: 'No apps to assign.' };
    return { summary: `Assigned ${apps.map(appName).join(', ')}.` };
  },
});
