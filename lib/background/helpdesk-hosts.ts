import { SAAS_HELPDESK_HOSTS } from '@/lib/detect/hosts';
import { originPattern } from '@/lib/detect/match-pattern';
import type { Settings } from '@/lib/settings/schema';

/** Match patterns of every helpdesk host enabled in settings: built-in SaaS ones and self-hosted origins. */
export function enabledHelpdeskPatterns(settings: Settings): string[] {
  const builtIn = SAAS_HELPDESK_HOSTS.filter((h) => settings.helpdesks[h.helpdesk] !== false).map((h) => h.pattern);
  const selfHosted = settings.selfHosted.map((s) => originPattern(s.origin));
  return [...builtIn, ...selfHosted];
}
