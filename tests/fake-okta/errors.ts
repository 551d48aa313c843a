import { randomBytes } from 'node:crypto';

/** An Okta API error: thrown by the org and the routes, written as Okta's error body by the server. */
export class OktaApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly causes: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${errorCode}: ${errorSummary}`);
  }

  body(): Record<string, unknown> {
    return {
      errorCode: this.errorCode,
      errorSummary: this.errorSummary,
      errorLink: this.errorCode,
      errorId: `oae${randomBytes(11).toString('base64url').slice(0, 19)}`,
      errorCauses: this.causes.map((errorSummary) => ({ errorSummary })),
    };
  }
}

/** The error codes and summaries of Okta's error catalogue (see reference/okta-api.md §6). */
export const oktaErrors = {
  validation: (what: string, causes: string[] = []) =>
    new OktaApiError(400, 'E0000001', `Api validation failed: ${what}`, causes),
  malformedBody: () => new OktaApiError(400, 'E0000003', 'The request body was not well-formed.'),
  forbidden: (headers: Record<string, string> = {}) =>
    new OktaApiError(403, 'E0000006', 'You do not have permission to perform the requested action', [], headers),
  notFound: (id: string, kind: string) => new OktaApiError(404, 'E0000007', `Not found: Resource not found: ${id} (${kind})`),
  invalidToken: () => new OktaApiError(401, 'E0000011', 'Invalid token provided'),
  alreadyActive: () => new OktaApiError(403, 'E0000016', 'Activation failed because the user is already active'),
  methodNotAllowed: (method: string) =>
    new OktaApiError(405, 'E0000022', `The endpoint does not support the provided HTTP method`, [`${method} is not supported`]),
  invalidSearch: (cause: string) => new OktaApiError(400, 'E0000031', 'Invalid search criteria.', [cause]),
  wrongStatus: () => new OktaApiError(403, 'E0000038', "This operation is not allowed in the user's current status."),
  appAssignedThroughGroup: () => new OktaApiError(403, 'E0000046', 'Deactivate application for user forbidden.'),
  rateLimited: (headers: Record<string, string>) =>
    new OktaApiError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.', [], headers),
  internal: () => new OktaApiError(500, 'E0000009', 'Internal Server Error'),
};
