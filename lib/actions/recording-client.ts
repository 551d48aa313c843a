import type { OktaClient } from '@/lib/okta';

/** The same client, noting the X-Okta-Request-Id of each request it answers (for the audit trail). */
export function recordingClient(client: OktaClient): { client: OktaClient; requestIds: string[] } {
  const requestIds: string[] = [];
  const recording: OktaClient = {
    origin: client.origin,
    async request(method, path, opts) {
      const result = await client.request(method, path, opts);
      const id = result.response.headers.get('x-okta-request-id');
      if (id) requestIds.push(id);
      return result;
    },
    getPage: (path, schema, opts) => client.getPage(path, schema, opts),
    paginate: (path, schema, opts) => client.paginate(path, schema, opts),
    stats: () => client.stats(),
  };
  return { client: recording, requestIds };
}
