import type { Detection } from '@/lib/detect/types';

/** What the panel frame learns about the tab it sits in. */
export interface PanelContext {
  tabId: number;
  /** Host of the helpdesk page the panel sits on, for per-host layout. */
  pageHost: string;
  detection: Detection | null;
}

export interface AgentIdentity {
  id: string;
  login: string;
  name: string;
}

export interface SyncHealth {
  running: boolean;
  phase: string | null;
  done: number;
  total: number | null;
  ratePerSecond: number | null;
  etaSeconds: number | null;
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
