import { oktaErrors } from '../errors';

/** Query booleans as Okta reads them: `true`/`false`, anything else is a validation error. */
export function booleanParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw oktaErrors.validation(name, [`${name}: ${raw} is not a boolean`]);
}

/** The JSON request body as an object; a missing body counts as `{}`. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw oktaErrors.malformedBody();
  return body as Record<string, unknown>;
}
