import type { IncomingMessage, ServerResponse } from 'node:http';
import { OktaApiError, oktaErrors } from './errors';
import type { Reply } from './reply';

/** Request reading and response writing shared by every part of the fake. */

const MAX_BODY = 1_000_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new OktaApiError(413, 'E0000003', 'The request body was not well-formed.', ['The body is too large.']));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw oktaErrors.malformedBody();
  }
}

export function setCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, X-Okta-User-Agent-Extended, X-Requested-With');
  res.setHeader(
    'Access-Control-Expose-Headers',
    'Link, Date, X-Okta-Request-Id, X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Reset, WWW-Authenticate',
  );
  res.setHeader('Access-Control-Max-Age', '600');
}

export function send(res: ServerResponse, reply: Reply, truncate = false): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json');
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status).end(truncate ? text.slice(0, Math.floor(text.length / 2)) : text);
}

/**
 * `POST /__admin/faults` takes `{ "spec": "5xx=0.1,reset=0.05" }` or the same entries as an object,
 * `{ "5xx": 0.1, "revoke-after": 500 }`; either replaces the current faults.
 */
export function faultSpecFromBody(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { spec, ...entries } = body as Record<string, unknown>;
  if (typeof spec === 'string') return spec;
  return Object.entries(entries)
    .map(([kind, value]) => `${kind}=${String(value)}`)
    .join(',');
}

export const errorReply = (error: OktaApiError): Reply => ({ status: error.status, body: error.body(), headers: error.headers });
