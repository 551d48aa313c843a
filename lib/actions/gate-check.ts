import type { Gate } from '@/lib/settings/schema';

/** What the agent did in the confirmation step; the background checks it against the gate. */
export interface Confirmation {
  /** The agent pressed the confirm button of a confirmation that named the target. */
  confirmed: boolean;
  /** What the agent typed, for a 'typed' gate. */
  typed?: string;
}

export const sameLogin = (typed: string, login: string) => typed.trim().toLowerCase() === login.trim().toLowerCase();

/** Null when the gate lets the request through, else why not (a sentence for the agent). */
export function gateRefusal(gate: Gate, confirmation: Confirmation, login: string): string | null {
  switch (gate) {
    case 'none':
      return null;
    case 'disabled':
      return 'An administrator has disabled this action in the Deskside options.';
    case 'confirm':
      return confirmation.confirmed ? null : 'This action needs a confirmation; it was not confirmed.';
    case 'typed':
      if (!confirmation.confirmed || confirmation.typed === undefined) return `Type the user's Okta login (${login}) to confirm this action.`;
      return sameLogin(confirmation.typed, login)
        ? null
        : `The typed login does not match the user's Okta login (${login}); nothing was done.`;
  }
}
