/** Okta's own org domains. Any other host is a custom domain and needs the admin's confirmation. */
const OKTA_DOMAINS = ['okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com', 'okta.mil'] as const;

/** Hosts allowed over plain http, for the local fake Okta and local testing only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

const EXAMPLE = 'acme.okta.com';

export type OrgUrlResult =
  | { ok: true; origin: string; note?: string }
  | { ok: false; reason: string; needsCustomDomainConfirmation?: boolean };

export interface OrgUrlOptions {
  /** The admin confirmed that a non-Okta host is their org's custom domain. */
  allowCustomDomain?: boolean;
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

function oktaDomainOf(hostname: string): string | undefined {
  return OKTA_DOMAINS.find((domain) => hostname.endsWith(`.${domain}`));
}

function fail(reason: string): OrgUrlResult {
  return { ok: false, reason };
}

/**
 * Turns what an admin typed into the org's origin (`https://acme.okta.com`), or a reason that
 * says what is wrong and how to fix it. The origin is where the API token will be sent, so
 * anything ambiguous (paths, credentials, plain http, unknown hosts) is refused, not guessed.
 */
export function normalizeOrgUrl(input: string, opts: OrgUrlOptions = {}): OrgUrlResult {
  const trimmed = input.trim();
  if (trimmed === '') return fail(`Enter your Okta domain, for example ${EXAMPLE}.`);

  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return fail(`"${trimmed}" is not a web address. Enter your Okta domain, for example ${EXAMPLE}.`);
  }

  if (url.username !== '' || url.password !== '') {
    return fail(
      'The address contains a user name or password. Remove it and enter only the domain; the API token goes in its own field.',
    );
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    return fail(
      `The address contains a path (${url.pathname}). Enter only the domain, for example ${EXAMPLE}, without /admin or other pages.`,
    );
  }
  if (url.search !== '' || trimmed.includes('?')) {
    return fail(`The address contains a query (${url.search || '?'}). Enter only the domain, for example ${EXAMPLE}.`);
  }
  if (url.hash !== '' || trimmed.includes('#')) {
    return fail(`The address contains a fragment (${url.hash || '#'}). Enter only the domain, for example ${EXAMPLE}.`);
  }

  const hostname = url.hostname;
  if (LOOPBACK_HOSTS.has(hostname)) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return fail(`Use http:// or https:// for a local Okta server, not ${url.protocol}//.`);
    }
    return { ok: true, origin: url.origin };
  }

  if (url.protocol === 'http:') {
    return fail(
      `The address uses http://, which would send the API token unencrypted. Use https://${url.host} (plain http is only accepted for localhost and 127.0.0.1).`,
    );
  }
  if (url.protocol !== 'https:') {
    return fail(`The address must start with https://, not ${url.protocol}//.`);
  }
  if (!HOSTNAME.test(hostname)) {
    return fail(`"${hostname}" is not a complete domain name. Enter your Okta domain, for example ${EXAMPLE}.`);
  }

  if ((OKTA_DOMAINS as readonly string[]).includes(hostname)) {
    return fail(`${hostname} is Okta's own website, not an org. Enter your org's domain, for example ${EXAMPLE}.`);
  }

  const oktaDomain = oktaDomainOf(hostname);
  if (oktaDomain !== undefined) {
    if (url.port !== '') {
      return fail(`Okta org domains do not use a port. Remove ":${url.port}" from the address.`);
    }
    const subdomain = hostname.slice(0, -(oktaDomain.length + 1));
    if (subdomain.endsWith('-admin') && !subdomain.includes('.')) {
      const orgHost = `${subdomain.slice(0, -'-admin'.length)}.${oktaDomain}`;
      return {
        ok: true,
        origin: `https://${orgHost}`,
        note: `${hostname} is the Admin Console address; Deskside uses the org address ${orgHost}.`,
      };
    }
    return { ok: true, origin: url.origin };
  }

  if (!opts.allowCustomDomain) {
    return {
      ok: false,
      needsCustomDomainConfirmation: true,
      reason: `${hostname} is not an Okta domain (${OKTA_DOMAINS.join(', ')}). If it is your org's custom domain, confirm it to continue: the API token will be sent to ${url.origin}.`,
    };
  }
  return { ok: true, origin: url.origin };
}
