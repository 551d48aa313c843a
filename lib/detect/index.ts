/** What the content script, options page and panel need from detection. */
export { startDetection, type DetectionRuntime, type StartDetectionOptions } from './runtime';
export { createSameOriginFetchJson } from './same-origin-fetch';
export { createPageValueReader } from './page-value-client';
export { CustomRule, applyCustomRules } from './custom-rules';
export { buildRobustSelector } from './robust-selector';
export { detectGeneric, DESKSIDE_HOST_ATTRIBUTE } from './generic';
export { ADAPTERS, adapterFor } from './registry';
export type { FetchJson, PageValue, HelpdeskAdapter } from './adapter';
export { Detection, DetectedPerson, PersonRole } from './types';
