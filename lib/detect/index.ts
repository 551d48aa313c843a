/** What the content script needs from detection. Options and settings import custom-rule-schema.ts directly. */
export { startDetection, type DetectionRuntime, type StartDetectionOptions } from './runtime';
export { createSameOriginFetchJson } from './same-origin-fetch';
export { createPageValueReader } from './page-value-client';
export { applyCustomRules, type CustomRule } from './custom-rules';
export { buildRobustSelector } from './robust-selector';
export { detectGeneric, DESKSIDE_HOST_ATTRIBUTE } from './generic';
export { ADAPTERS, adapterFor } from './registry';
export type { FetchJson, PageValue, HelpdeskAdapter } from './adapter';
export type { Detection, DetectedPerson, PersonRole } from './types';
