import { browser } from 'wxt/browser';
import type { CustomRule } from '@/lib/detect/custom-rules';
import type { AgentIdentityRecord } from './identity';
import type { Settings } from './schema';

/** The part of the settings a content script needs. */
export interface ContentSettings {
  helpdesks: Record<string, boolean>;
  selfHosted: { origin: string; helpdesk: string }[];
  customRules: CustomRule[];
  /** The agent's own addresses, never to be picked as the requester. */
  agentEmails: string[];
}

/**
 * Reads what the extension saved (validated with zod when it was saved) straight from
 * storage.local, keeping the schemas and the storage wrapper out of the content script's bundle;
 * anything malformed reads as empty.
 */
export async function loadContentSettings(): Promise<ContentSettings> {
  const stored = await browser.storage.local.get(['settings', 'identity']);
  const settings = (stored.settings ?? {}) as Partial<Settings>;
  const identity = (stored.identity ?? null) as AgentIdentityRecord | null;
  const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
  return {
    helpdesks: settings.helpdesks && typeof settings.helpdesks === 'object' ? settings.helpdesks : {},
    selfHosted: list<ContentSettings['selfHosted'][number]>(settings.selfHosted).filter((s) => typeof s?.origin === 'string'),
    customRules: list<CustomRule>(settings.customRules).filter((r) => typeof r?.host === 'string' && typeof r.selector === 'string'),
    agentEmails: [identity?.login, identity?.email].filter((e): e is string => typeof e === 'string' && e !== ''),
  };
}
