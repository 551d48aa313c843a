/** Events between the content script and the MAIN-world page bridge (entrypoints/page-bridge.ts). */
export const PAGE_VALUE_REQUEST = 'deskside:page-value-request';
export const PAGE_VALUE_REPLY = 'deskside:page-value-reply';

/** Page globals the bridge may read. ServiceNow's session token `g_ck` goes only back to ServiceNow's own API. */
export const READABLE_PAGE_VALUES = ['g_ck'] as const;

export interface PageValueRequest {
  id: string;
  name: string;
}

export interface PageValueReply {
  id: string;
  value: string | null;
}
