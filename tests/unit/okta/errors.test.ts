import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOktaClient } from '@/lib/okta/client';
import type { OktaClient } from '@/lib/okta/client';
import { OktaError, describeOktaError } from '@/lib/okta/errors';
import { addUserToGroup, removeUserFromGroup } from '@/lib/okta/groups';
import { getUser } from '@/lib/okta/users';
import { oktaErrorBody, sendJson, startServer } from './support/http-server';
import type { TestServer } from './support/http-server';

/** Answers `/fail/{status}/{code}` with that Okta error; the code may be `none` for a bare status. */
let server: TestServer;
let client: OktaClient;

beforeAll(async () => {
  server = await startServer((request, res) => {
    const [, , status, code] = request.url.split('?')[0]!.split('/');
    const headers = { 'X-Okta-Request-Id': 'req-42' };
    if (code === 'html') {
      res.writeHead(Number(status), { 'Content-Type': 'text/html', ...headers });
      res.end('<html>Bad gateway</html>');
      return;
    }
    const causes = code === 'E0000001' ? ['login: An object with this field already exists'] : [];
    sendJson(res, Number(status), oktaErrorBody(code ?? 'E0000000', `summary for ${code}`, causes), headers);
  });
  client = createOktaClient({ origin: server.origin, auth: { type: 'ssws', token: 't' }, governor: { maxRetries: 0, maxRateLimitRetries: 0 } });
});
afterAll(() => server.close());

async function failure(status: number, code: string): Promise<OktaError> {
  const error = await client.request('GET', `/fail/${status}/${code}`).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OktaError);
  return error as OktaError;
}

describe('every listed Okta error code becomes a sentence with a next step', () => {
  it.each([
    [401, 'E0000011', /API token is invalid or has expired.*Security › API › Tokens.*reconnect/],
    [403, 'E0000006', /do not have permission.*super admin/],
    [404, 'E0000007', /could not find it/],
    [403, 'E0000038', /not allowed in the user's current status.*Refresh the user/],
    [403, 'E0000046', /through a group.*Remove the user from that group/],
    [429, 'E0000047', /rate-limiting.*waits and retries/],
    [400, 'E0000001', /not valid.*Okta says: login: An object with this field already exists/],
    [403, 'E0000016', /already active.*Reset password/],
    [409, 'E0000112', /still activating this user.*try again/],
    [500, 'E0000009', /Okta is having trouble.*Try again/],
    [503, 'html', /Okta is having trouble/],
  ])('%i %s', async (status, code, sentence) => {
    const error = await failure(status, code);
    expect(error.status).toBe(status);
    expect(error.sentence).toMatch(sentence);
    expect(error.message).toBe(error.sentence);
    expect(error.requestId).toBe('req-42');
    if (code !== 'html') {
      expect(error.errorCode).toBe(code);
      expect(error.summary).toBe(`summary for ${code}`);
    } else {
      expect(error.errorCode).toBeUndefined();
      expect(error.summary).toMatch(/HTTP 503/);
    }
  });

  it('keeps the causes as a list', async () => {
    const error = await failure(400, 'E0000001');
    expect(error.causes).toEqual(['login: An object with this field already exists']);
  });

  it('explains an unreachable org (network failure, status 0)', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const offline = createOktaClient({ origin: closed.origin, auth: { type: 'ssws', token: 't' }, governor: { maxRetries: 0 } });
    const error = await getUser(offline, 'x').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect((error as OktaError).sentence).toMatch(/Cannot reach the Okta org at http:\/\/127\.0\.0\.1.*check the Okta domain/i);
  });
});

describe('group membership permission errors', () => {
  it('says imported and built-in groups are managed outside Okta', () => {
    expect(describeOktaError('E0000006', { context: { groupType: 'APP_GROUP' } })).toMatch(/imported.*managed there, not in Okta/);
    expect(describeOktaError('E0000006', { context: { groupType: 'BUILT_IN' } })).toMatch(/built-in.*can't be changed/);
  });

  it('mentions imported groups on a membership change even when the type is unknown', async () => {
    const denied = await startServer((_request, res) => sendJson(res, 403, oktaErrorBody('E0000006', 'You do not have permission')));
    const c = createOktaClient({ origin: denied.origin, auth: { type: 'ssws', token: 't' } });
    await expect(addUserToGroup(c, '00g1', '00u1')).rejects.toMatchObject({ sentence: expect.stringMatching(/APP_GROUP.*outside Okta/) });
    await expect(removeUserFromGroup(c, '00g1', '00u1', { groupType: 'APP_GROUP' })).rejects.toMatchObject({
      sentence: expect.stringMatching(/imported from another app/),
    });
    await denied.close();
  });
});

describe('describeOktaError', () => {
  it('falls back on the status when the code is unknown', () => {
    expect(describeOktaError('E0009999', { status: 502 })).toMatch(/Okta is having trouble/);
    expect(describeOktaError(undefined, { status: 0 })).toMatch(/Cannot reach/);
    expect(describeOktaError(undefined, { status: 401 })).toMatch(/Security › API › Tokens/);
    expect(describeOktaError('E0009999', { status: 400, causes: ['x is bad'] })).toMatch(/E0009999.*x is bad/);
  });
});
