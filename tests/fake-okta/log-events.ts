import { randomUUID } from 'node:crypto';
import type { LogEvent, LogTarget, UserRecord, GroupRecord, AppRecord } from './types';

/** System Log targets in the shapes Okta uses for users, groups and app instances. */
export const logTarget = {
  user: (user: UserRecord): LogTarget => ({
    id: user.id,
    type: 'User',
    alternateId: user.profile.login,
    displayName: `${user.profile.firstName ?? ''} ${user.profile.lastName ?? ''}`.trim(),
  }),
  group: (group: GroupRecord): LogTarget => ({
    id: group.id,
    type: 'UserGroup',
    alternateId: 'unknown',
    displayName: group.profile.name,
  }),
  app: (app: AppRecord): LogTarget => ({ id: app.id, type: 'AppInstance', alternateId: app.label, displayName: app.label }),
};

export interface LogEventInput {
  eventType: string;
  displayMessage: string;
  actor: LogTarget;
  target: LogTarget[];
  published: string;
  requestId: string;
  outcome?: 'SUCCESS' | 'FAILURE';
}

export function buildLogEvent(input: LogEventInput): LogEvent {
  return {
    uuid: randomUUID(),
    published: input.published,
    eventType: input.eventType,
    version: '0',
    severity: 'INFO',
    displayMessage: input.displayMessage,
    actor: input.actor,
    client: {
      ipAddress: '127.0.0.1',
      device: 'Computer',
      userAgent: { rawUserAgent: 'Deskside fake Okta client', os: 'Unknown', browser: 'UNKNOWN' },
    },
    outcome: { result: input.outcome ?? 'SUCCESS' },
    target: input.target,
    transaction: { type: 'WEB', id: input.requestId },
    debugContext: { debugData: { requestId: input.requestId } },
  };
}
