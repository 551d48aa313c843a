import { SAAS_HELPDESK_HOSTS } from '@/lib/detect/hosts';
import { matchesPattern } from '@/lib/detect/match-pattern';

export type HelpdeskOrigin = { ok: true; origin: string } | { ok: false; reason: string };

/** Turns what an admin typed (`help.acme.com`, or a ticket URL) into the helpdesk's origin, or says what is wrong. */
export function normalizeHelpdeskOrigin(input: string): HelpdeskOrigin {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, reason: 'Enter the helpdesk’s address, for example https://help.acme.com.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, reason: `“${trimmed}” is not a web address. Enter it like https://help.acme.com.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'A helpdesk address starts with https:// (or http:// on an internal network).' };
  }
  if (url.username || url.password) return { ok: false, reason: 'Leave the user name and password out of the address.' };
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, reason: `“${url.hostname}” is not a full host name. Enter it like help.acme.com.` };
  }
  const builtIn = SAAS_HELPDESK_HOSTS.find((h) => matchesPattern(url, h.pattern));
  if (builtIn) return { ok: false, reason: `${url.hostname} is a ${builtIn.helpdesk} host, which Deskside already knows; switch it on in the list above.` };
  return { ok: true, origin: url.origin };
}
