import { storage } from '#imports';

/** The Okta admin Deskside acts as (from /users/me). Not a secret: content scripts use it to never pick the agent as requester. */
export interface AgentIdentityRecord {
  id: string;
  login: string;
  email: string | null;
  name: string;
}

export const identityItem = storage.defineItem<AgentIdentityRecord | null>('local:identity', { fallback: null });
