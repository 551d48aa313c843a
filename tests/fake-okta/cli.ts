/**
 * npm run okta:fake -- --port 8787 --users 2000 --groups 200 --apps 40 --seed 1 --token demo-token
 *                      [--rate-limit PER_MIN] [--latency MS] [--faults SPEC] [--concurrency N] [--client-id ID]
 */
import { parseArgs } from 'node:util';
import { parseFaults } from './faults';
import { startFakeOkta, type FakeOktaOptions } from './server';

function wholeNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, not "${raw}".`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      users: { type: 'string' },
      groups: { type: 'string' },
      apps: { type: 'string' },
      seed: { type: 'string' },
      token: { type: 'string' },
      'rate-limit': { type: 'string' },
      latency: { type: 'string' },
      faults: { type: 'string' },
      concurrency: { type: 'string' },
      'client-id': { type: 'string' },
    },
    strict: true,
  });
  if (values.faults) parseFaults(values.faults);
  const options: FakeOktaOptions = {
    port: wholeNumber('port', values.port) ?? 0,
    users: wholeNumber('users', values.users),
    groups: wholeNumber('groups', values.groups),
    apps: wholeNumber('apps', values.apps),
    seed: wholeNumber('seed', values.seed),
    token: values.token,
    rateLimit: wholeNumber('rate-limit', values['rate-limit']),
    latency: wholeNumber('latency', values.latency),
    faults: values.faults,
    concurrency: wholeNumber('concurrency', values.concurrency),
    clientId: values['client-id'],
  };
  const okta = await startFakeOkta(options);
  console.log(`Fake Okta listening on ${okta.url}`);
  const stop = () => {
    okta.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Fake Okta could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
