import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextLink } from './helpers';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `npm run okta:fake` and resolves with the URL from its "listening" line. */
function launch(args: string[]): Promise<{ child: ChildProcess; url: string; line: string }> {
  const child = spawn('npm', ['run', '--silent', 'okta:fake', '--', ...args], { cwd: process.cwd(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('Fake Okta listening on '));
      if (line) resolve({ child, url: line.slice('Fake Okta listening on '.length).trim(), line });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`okta:fake exited with ${code}: ${errors}`)));
  });
}

describe('npm run okta:fake', () => {
  let child: ChildProcess;
  let url: string;
  let port: number;
  let line: string;

  beforeAll(async () => {
    port = await freePort();
    ({ child, url, line } = await launch(['--port', String(port), '--users', '1000', '--seed', '7', '--token', 't']));
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  });

  const get = (path: string, token = 't') => fetch(path.startsWith('http') ? path : `${url}${path}`, { headers: { Authorization: `SSWS ${token}` } });

  it('prints exactly the listening line with the requested port', () => {
    expect(line).toBe(`Fake Okta listening on http://127.0.0.1:${port}`);
  });

  it('serves 1000 users over 5 pages of 200, following Link headers, each with rate-limit headers', async () => {
    let next: string | null = `/api/v1/users?filter=${encodeURIComponent('lastUpdated gt "1970-01-01T00:00:00.000Z"')}`;
    const pageSizes: number[] = [];
    const ids = new Set<string>();
    while (next) {
      const response = await get(next);
      expect(response.status).toBe(200);
      expect(response.headers.get('link')).toContain('rel="self"');
      expect(Number(response.headers.get('x-rate-limit-limit'))).toBe(600);
      expect(Number(response.headers.get('x-rate-limit-remaining'))).toBeLessThan(600);
      expect(Number(response.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
      const users = (await response.json()) as { id: string }[];
      pageSizes.push(users.length);
      for (const user of users) ids.add(user.id);
      next = nextLink(response.headers);
    }
    expect(pageSizes).toEqual([200, 200, 200, 200, 200]);
    expect(ids.size).toBe(1000);
  });

  it('refuses a wrong token with 401 E0000011', async () => {
    const response = await get('/api/v1/users', 'wrong');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errorCode: 'E0000011', errorSummary: 'Invalid token provided' });
  });

  it('answers Okta\'s E0000001 when suspending a user who is already SUSPENDED', async () => {
    const found = await get(`/api/v1/users?filter=${encodeURIComponent('status eq "SUSPENDED"')}&limit=1`);
    const [user] = (await found.json()) as { id: string }[];
    expect(user).toBeDefined();
    const response = await fetch(`${url}/api/v1/users/${user!.id}/lifecycle/suspend`, { method: 'POST', headers: { Authorization: 'SSWS t' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: 'E0000001', errorCauses: [{ errorSummary: 'Cannot suspend a user that is not active' }] });
  });
});

