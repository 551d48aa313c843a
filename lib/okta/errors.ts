import { readJsonBody } from './json-body';
import { OktaErrorBody } from './schemas';
import type { GroupType } from './schemas';

/** What the caller was doing, when it changes what an error means. */
export interface OktaErrorContext {
  /** The request changed a group's membership (PUT/DELETE /groups/{gid}/users/{uid}). */
  operation?: 'group-membership';
  /** The group's type, when the caller knows it. */
  groupType?: GroupType;
}

export type OktaErrorKind =
  /** Okta answered with an HTTP error. */
  | 'http'
  /** The org could not be reached (DNS, TLS, connection refused, offline). */
  | 'network'
  /** Okta did not answer within the request timeout. */
  | 'timeout'
  /** Okta answered 2xx with a body this extension cannot read. */
  | 'invalid-response'
  /** A URL (usually a pagination link) pointed outside the configured org. */
  | 'foreign-origin';

export interface OktaErrorInit {
  kind: OktaErrorKind;
  status: number;
  errorCode?: string;
  summary: string;
  causes?: string[];
  requestId?: string;
  sentence: string;
}

/**
 * One failure talking to Okta. `sentence` is for people: what happened and what to do next.
 * `summary` and `causes` come from Okta and may echo user input: escape them before rendering.
 */
export class OktaError extends Error {
  override readonly name = 'OktaError';
  readonly kind: OktaErrorKind;
  /** HTTP status; 0 when no answer came back. */
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly summary: string;
  readonly causes: string[];
  /** `X-Okta-Request-Id`, for Okta support and the audit log. */
  readonly requestId: string | undefined;
  readonly sentence: string;

  constructor(init: OktaErrorInit) {
    super(init.sentence);
    this.kind = init.kind;
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.summary = init.summary;
    this.causes = init.causes ?? [];
    this.requestId = init.requestId;
    this.sentence = init.sentence;
  }

  /** Reads Okta's error body (when there is one) from a non-2xx response. */
  static async fromResponse(response: Response, context?: OktaErrorContext): Promise<OktaError> {
    const requestId = response.headers.get('x-okta-request-id') ?? undefined;
    const json = await readJsonBody(response);
    const parsed = OktaErrorBody.safeParse(json.ok ? json.value : undefined);
    const body = parsed.success ? parsed.data : undefined;
    const causes = (body?.errorCauses ?? []).map((cause) => cause.errorSummary);
    const summary = body?.errorSummary ?? `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return new OktaError({
      kind: 'http',
      status: response.status,
      errorCode: body?.errorCode,
      summary,
      causes,
      requestId,
      sentence: describeOktaError(body?.errorCode, { status: response.status, causes, context }),
    });
  }

  /** No answer at all: DNS, TLS, refused connection, offline, or a timeout. */
  static fromNetworkFailure(cause: unknown, origin: string, timedOut = false): OktaError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new OktaError({
      kind: timedOut ? 'timeout' : 'network',
      status: 0,
      summary: detail,
      sentence: timedOut
        ? `Okta at ${origin} did not answer in time. Try again; if it keeps happening, check the network or Okta's status page (status.okta.com).`
        : `Cannot reach the Okta org at ${origin}. Check the Okta domain in the options and your network connection, then try again.`,
    });
  }

  static invalidResponse(what: string, problem: string, requestId?: string): OktaError {
    return new OktaError({
      kind: 'invalid-response',
      status: 200,
      summary: `${what}: ${problem}`,
      requestId,
      sentence: `Okta's answer to ${what} was not in the expected format (${problem}). Try again; if it persists, Deskside may need an update.`,
    });
  }

  static foreignOrigin(url: string, origin: string): OktaError {
    return new OktaError({
      kind: 'foreign-origin',
      status: 0,
      summary: `Refused to send credentials to ${url}`,
      sentence: `A link pointed outside your Okta org (${safeOrigin(url)}). Deskside only sends your Okta credentials to ${origin}, so it stopped here.`,
    });
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid address';
  }
}

function withCauses(sentence: string, causes: string[]): string {
  if (causes.length === 0) return sentence;
  return `${sentence} Okta says: ${causes.map((cause) => cause.trim().replace(/\.+$/, '')).join('; ')}.`;
}

const TOKEN_HELP =
  'If you connected with an API token, create a new one in the Okta Admin Console under Security › API › Tokens and paste it in the options (tokens expire after 30 days without use, or when the admin who created them is deactivated). If you signed in with Okta, reconnect from the options page.';

const SENTENCES: Record<string, (causes: string[], context?: OktaErrorContext) => string> = {
  E0000001: (causes) =>
    withCauses("Okta rejected the request because some values are not valid for this user or object.", causes),
  E0000004: () => `Okta did not accept the credentials. ${TOKEN_HELP}`,
  E0000005: () => `Okta says the session is not valid. ${TOKEN_HELP}`,
  E0000006: (_causes, context) => permissionSentence(context),
  E0000007: () =>
    'Okta could not find it: the user, group or app may have been deleted or renamed. Refresh and try again.',
  E0000011: () => `Okta says the API token is invalid or has expired. ${TOKEN_HELP}`,
  E0000016: () =>
    'Okta could not activate this user because the account is already active. To help them sign in, use Reset password instead.',
  E0000017: (causes) =>
    withCauses('Okta could not reset the password. Check the user’s status, or try Temporary password instead.', causes),
  E0000023: () =>
    'This attribute is mastered by another system (for example Active Directory or an HR app); change it there instead of in Okta.',
  E0000038: () =>
    "This action is not allowed in the user's current status (for example suspending a user who is not active). Refresh the user to see their status, then choose an action that fits it.",
  E0000046: () =>
    'Okta will not remove this app because the user gets it through a group. Remove the user from that group instead (or remove the group from the app).',
  E0000047: () =>
    'Okta is rate-limiting requests right now. Deskside waits and retries automatically; if this keeps happening, try again in a minute.',
  E0000112: () =>
    'Okta is still activating this user (the account is in transition). Wait a moment and try again.',
};

function permissionSentence(context?: OktaErrorContext): string {
  if (context?.groupType === 'APP_GROUP') {
    return "This group's members are imported from another app (such as Active Directory or LDAP), so membership is managed there, not in Okta. Change it in the source directory.";
  }
  if (context?.groupType === 'BUILT_IN') {
    return "This is a built-in Okta group (such as Everyone); Okta manages its members and they can't be changed.";
  }
  const membershipHint =
    context?.operation === 'group-membership'
      ? ' If the group is imported from Active Directory/LDAP (APP_GROUP) or built in (like Everyone), its membership is managed outside Okta and cannot be changed here.'
      : '';
  return `Okta says you do not have permission for this action. Ask an Okta super admin to grant your admin role (or the API token's creator) the needed permission.${membershipHint}`;
}

/**
 * A human sentence with the next step for an Okta error code. Falls back on the HTTP status when
 * the code is unknown or absent (5xx: Okta is having trouble; 0: the org cannot be reached).
 */
export function describeOktaError(
  code: string | undefined,
  details: { status?: number; causes?: string[]; context?: OktaErrorContext } = {},
): string {
  const causes = details.causes ?? [];
  const known = code === undefined ? undefined : SENTENCES[code];
  if (known) return known(causes, details.context);
  const status = details.status;
  if (status === 0) {
    return 'Cannot reach the Okta org. Check the Okta domain in the options and your network connection, then try again.';
  }
  if (status !== undefined && status >= 500) {
    return 'Okta is having trouble right now. Try again in a few minutes; status.okta.com shows ongoing incidents.';
  }
  if (status === 401) return `Okta did not accept the credentials. ${TOKEN_HELP}`;
  if (status === 403) return permissionSentence(details.context);
  if (status === 404) return SENTENCES.E0000007!([]);
  if (status === 429) return SENTENCES.E0000047!([]);
  return withCauses(`Okta refused the request${code ? ` (${code})` : ''}.`, causes);
}
