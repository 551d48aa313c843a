import type { Browser } from 'wxt/browser';
import { matchesAnyPattern } from '@/lib/detect/match-pattern';

export type SenderKind = 'extension-page' | 'content-script';

export interface SenderPolicyContext {
  extensionId: string;
  /** Match patterns of the helpdesk hosts that are enabled now (built-in and self-hosted). */
  enabledHelpdeskPatterns: string[];
}

const EXTENSION_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:']);

/**
 * Decides who sent a message from what the browser itself stamped on it (never from the message
 * body). An extension page is one of our own pages (popup, options, the panel frame); a content
 * script is ours, running in a tab on an enabled helpdesk host. Anything else is null: refused.
 */
export function classifySender(sender: Browser.runtime.MessageSender, ctx: SenderPolicyContext): SenderKind | null {
  if (sender.id !== ctx.extensionId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (EXTENSION_PROTOCOLS.has(url.protocol)) return 'extension-page';
  if (sender.tab?.id === undefined) return null;
  return matchesAnyPattern(url, ctx.enabledHelpdeskPatterns) ? 'content-script' : null;
}
