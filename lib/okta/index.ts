export { normalizeOrgUrl } from './org-url';
export type { OrgUrlOptions, OrgUrlResult } from './org-url';
export { createOktaClient } from './client';
export type {
  HttpMethod,
  OktaAuth,
  OktaClient,
  OktaClientOptions,
  OktaResult,
  Page,
  PageOptions,
  RequestOptions,
  SearchParams,
} from './client';
export { createGovernor, realClock } from './governor';
export type { Governor, GovernorClock, GovernorOptions, GovernorStats, Priority } from './governor';
export { bucketKey, pathTemplate } from './buckets';
export { nextLink } from './link-header';
export { OktaError, describeOktaError } from './errors';
export type { OktaErrorContext, OktaErrorKind } from './errors';
export * from './schemas';
export { quoteFilterValue } from './call-options';
export type { CallOptions, ListOptions } from './call-options';
export * from './users';
export * from './groups';
export * from './apps';
export * from './logs';
