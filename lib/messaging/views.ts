import type { Detection } from '@/lib/detect/types';
import type { SyncPhase } from '@/lib/directory/state';
import type { PanelLayout } from '@/lib/panel-layout/layout';
import type { Settings } from '@/lib/settings/schema';

/** What the panel frame learns about the tab it sits in. */
export interface PanelContext {
  tabId: number;
  /** Host of the helpdesk page the panel sits on, for per-host layout. */
  pageHost: string;
  detection: Detection | null;
  /** The cached card of the first person on the ticket, so the panel's first render can show it. */
  firstCard: { email: string; card: UserCard } | null;
}

/** What the panel's document carries for its first render, so the card shows before the panel's script runs. */
export interface PanelStart {
  context: PanelContext;
  settings: Settings;
  /** The panel's remembered layout on this host. */
  layout: PanelLayout;
}

export interface AgentIdentity {
  id: string;
  login: string;
  name: string;
}

export interface SyncHealth {
  running: boolean;
  phase: SyncPhase | null;
  done: number;
  total: number | null;
  ratePerSecond: number | null;
  etaSeconds: number | null;
  /** The running sync is holding its next write until agents pause reading (search, cards). */
  waitingForReaders: boolean;
  lastSuccessAt: string | null;
  lastError: { code: string | null; sentence: string; at: string } | null;
  counts: { users: number; groups: number; apps: number };
}

export interface ExtensionStatus {
  oktaDomain: string | null;
  authMode: 'oauth' | 'ssws';
  connected: boolean;
  identity: AgentIdentity | null;
  sync: SyncHealth | null;
}

export interface PermissionCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ConnectionReport {
  ok: boolean;
  origin: string | null;
  note: string | null;
  error: { field: 'domain' | 'token' | 'clientId' | null; code: string | null; sentence: string } | null;
  identity: AgentIdentity | null;
  checks: PermissionCheck[];
  rateLimits: { bucket: string; limit: number }[];
}

/** One search hit from the local directory. */
export interface UserSummary {
  id: string;
  login: string;
  email: string;
  name: string;
  status: string;
}

export interface CardGroup {
  id: string;
  name: string;
  type: 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN';
}

export interface CardApp {
  id: string;
  label: string;
  signOnMode: string | null;
  /** USER: assigned directly; GROUP: through one of the user's groups (Okta refuses to unassign it directly). */
  scope: 'USER' | 'GROUP';
}

export interface CardFactor {
  id: string;
  factorType: string;
  provider: string;
  status: string;
  name: string | null;
}

/** Everything the user card shows, from the cache first and then live from Okta. */
export interface UserCard {
  id: string;
  status: string;
  transitioningToStatus: string | null;
  created: string | null;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string | null;
  passwordChanged: string | null;
  profile: Record<string, unknown>;
  groups: CardGroup[];
  apps: CardApp[];
  /** Null until fetched live: factors are not kept in the directory. */
  factors: CardFactor[] | null;
  source: 'cache' | 'live';
  refreshedAt: string;
  adminUrl: string;
}
