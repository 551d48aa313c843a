import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionHandlers } from '@/lib/background/handlers/connection';
import type { BackgroundServices } from '@/lib/background/services';
import type { HandlerContext } from '@/lib/messaging/router';
import { clearCredential, hasCredential } from '@/lib/settings/secrets';
import { loadStoredSettings } from '@/lib/settings/store';
import { startFakeOkta, type FakeOkta } from '../../fake-okta/server';

const TOKEN = 'policy-token';
const ctx = {} as HandlerContext;
let corp: FakeOkta;
let other: FakeOkta;

function fakeServices() {
  const onConnected = vi.fn(async () => {});
  const services = { session: { reset: vi.fn() }, onConnected } as unknown as BackgroundServices;
  return { services, onConnected };
}

const sswsTo = (okta: FakeOkta) => ({ domain: okta.url, allowCustomDomain: false, auth: { type: 'ssws' as const, token: TOKEN } });

/** Nothing was saved: no domain in storage.local, no credential in the secrets database. */
async function expectNothingSaved(...orgs: FakeOkta[]) {
  expect((await loadStoredSettings()).oktaDomain).toBeNull();
  for (const okta of orgs) expect(await hasCredential(okta.url)).toBe(false);
}

beforeAll(async () => {
  [corp, other] = await Promise.all([
    startFakeOkta({ port: 0, users: 5, groups: 1, apps: 1, seed: 3, token: TOKEN }),
    startFakeOkta({ port: 0, users: 5, groups: 1, apps: 1, seed: 4, token: TOKEN }),
  ]);
});
// fakeBrowser.reset() empties storage but not the (fake) IndexedDB that holds the credential.
beforeEach(() => clearCredential());
afterAll(async () => {
  await Promise.all([corp.close(), other.close()]);
});

describe('saveConnection under a managed policy', () => {
  it('refuses another Okta domain than the policy’s, without contacting it or saving anything', async () => {
    await fakeBrowser.storage.managed.set({ oktaDomain: corp.url });
    const { services, onConnected } = fakeServices();
    const before = other.requests.length;
    const report = await connectionHandlers(services).saveConnection(sswsTo(other), ctx);
    expect(report).toMatchObject({
      ok: false,
      error: { field: 'domain', code: 'policy', sentence: `Your organisation’s policy sets the Okta domain to ${corp.url}, so ${other.url} cannot be saved. Ask your IT admin if it needs to change.` },
    });
    expect(other.requests.length).toBe(before);
    expect(onConnected).not.toHaveBeenCalled();
    await expectNothingSaved(corp, other);
  });

  it('compares domains as origins: the policy’s domain typed differently is accepted and saved', async () => {
    await fakeBrowser.storage.managed.set({ oktaDomain: `${corp.url}/` });
    const { services, onConnected } = fakeServices();
    const report = await connectionHandlers(services).saveConnection({ ...sswsTo(corp), domain: `  ${corp.url.toUpperCase()}  ` }, ctx);
    expect(report.error).toBeNull();
    expect(report.ok).toBe(true);
    expect(onConnected).toHaveBeenCalledOnce();
    expect((await loadStoredSettings()).oktaDomain).toBe(corp.url);
    expect(await hasCredential(corp.url)).toBe(true);
  });

  it('refuses another client id than the policy’s, and an API token when the policy sets OAuth', async () => {
    await fakeBrowser.storage.managed.set({ oktaDomain: corp.url, oauthClientId: '0oa-corp' });
    const { services, onConnected } = fakeServices();
    const handlers = connectionHandlers(services);
    const before = corp.requests.length;

    const otherClient = await handlers.saveConnection({ domain: corp.url, allowCustomDomain: false, auth: { type: 'oauth', clientId: '0oa-mine' } }, ctx);
    expect(otherClient).toMatchObject({
      ok: false,
      error: { field: 'clientId', code: 'policy', sentence: 'Your organisation’s policy sets the client id to 0oa-corp, so 0oa-mine cannot be saved. Ask your IT admin if it needs to change.' },
    });
    const token = await handlers.saveConnection(sswsTo(corp), ctx);
    expect(token).toMatchObject({
      ok: false,
      error: { field: 'clientId', code: 'policy', sentence: expect.stringMatching(/requires OAuth sign-in with client id 0oa-corp, so an API token cannot be saved/) },
    });

    expect(corp.requests.length).toBe(before);
    expect(onConnected).not.toHaveBeenCalled();
    await expectNothingSaved(corp);
  });

  it('checks nothing without a policy', async () => {
    const { services } = fakeServices();
    const report = await connectionHandlers(services).saveConnection(sswsTo(other), ctx);
    expect(report.ok).toBe(true);
    expect((await loadStoredSettings()).oktaDomain).toBe(other.url);
  });
});
