import { SAAS_HELPDESK_HOSTS } from '@/lib/detect/hosts';
import { matchesPattern } from '@/lib/detect/match-pattern';
import type { ContentSettings } from '@/lib/settings/content-view';

/** Whether Deskside is switched on for this page's helpdesk, and which adapter a self-hosted origin uses. */
export function helpdeskForPage(url: URL, settings: ContentSettings): { enabled: boolean; adapterId?: string } {
  const selfHosted = settings.selfHosted.find((s) => new URL(s.origin).origin === url.origin);
  if (selfHosted) return { enabled: true, adapterId: selfHosted.helpdesk === 'auto' ? undefined : selfHosted.helpdesk };
  const builtIn = SAAS_HELPDESK_HOSTS.find((h) => matchesPattern(url, h.pattern));
  if (builtIn) return { enabled: settings.helpdesks[builtIn.helpdesk] !== false };
  return { enabled: false };
}
