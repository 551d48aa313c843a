import { describe, expect, it } from 'vitest';
import { normalizeOrgUrl } from '@/lib/okta/org-url';

describe('normalizeOrgUrl accepts Okta org domains', () => {
  it.each([
    ['acme.okta.com', 'https://acme.okta.com'],
    ['https://acme.okta.com/', 'https://acme.okta.com'],
    ['  HTTPS://Acme.Okta.com  ', 'https://acme.okta.com'],
    ['acme.oktapreview.com', 'https://acme.oktapreview.com'],
    ['acme.okta-emea.com', 'https://acme.okta-emea.com'],
    ['agency.okta-gov.com', 'https://agency.okta-gov.com'],
    ['https://unit.okta.mil', 'https://unit.okta.mil'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:39123/', 'http://127.0.0.1:39123'],
  ])('%s → %s', (input, origin) => {
    expect(normalizeOrgUrl(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['acme-admin.okta.com', 'https://acme.okta.com'],
    ['https://acme-admin.oktapreview.com/', 'https://acme.oktapreview.com'],
  ])('turns the Admin Console host %s into the org %s and says so', (input, origin) => {
    const result = normalizeOrgUrl(input);
    expect(result).toMatchObject({ ok: true, origin });
    expect(result.ok && result.note).toMatch(/Admin Console/);
  });
});

describe('normalizeOrgUrl refuses, with a specific reason', () => {
  it.each([
    ['', /Enter your Okta domain/],
    ['http://acme.okta.com', /http:\/\/.*unencrypted/],
    ['ftp://acme.okta.com', /must start with https/],
    ['https://acme.okta.com/admin/dashboard', /path \(\/admin\/dashboard\)/],
    ['https://acme.okta.com/?fromURI=x', /query/],
    ['https://acme.okta.com/#top', /fragment/],
    ['https://admin:secret@acme.okta.com', /user name or password/],
    ['okta.com', /Okta's own website/],
    ['acme', /not a complete domain/],
    ['https://acme.okta.com:8443', /port/],
    ['http://10.0.0.5:8080', /http:\/\/.*unencrypted/],
  ])('%s', (input, reason) => {
    const result = normalizeOrgUrl(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
    expect(!result.ok && result.needsCustomDomainConfirmation).toBeFalsy();
  });
});

describe('custom domains', () => {
  it('asks for confirmation and explains where the token would go', () => {
    const result = normalizeOrgUrl('login.acme.com');
    expect(result).toMatchObject({ ok: false, needsCustomDomainConfirmation: true });
    expect(!result.ok && result.reason).toMatch(/not an Okta domain.*custom domain.*https:\/\/login\.acme\.com/);
  });

  it('accepts a confirmed custom domain over https only', () => {
    expect(normalizeOrgUrl('login.acme.com', { allowCustomDomain: true })).toEqual({ ok: true, origin: 'https://login.acme.com' });
    expect(normalizeOrgUrl('http://login.acme.com', { allowCustomDomain: true }).ok).toBe(false);
  });

  it('does not mistake look-alike hosts for Okta', () => {
    expect(normalizeOrgUrl('acme.okta.com.evil.example')).toMatchObject({ ok: false, needsCustomDomainConfirmation: true });
    expect(normalizeOrgUrl('acmeokta.com')).toMatchObject({ ok: false, needsCustomDomainConfirmation: true });
  });
});
