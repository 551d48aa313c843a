import type { DetectedPerson } from './types';

/** Same-origin JSON request with the agent's session; rejects on a non-2xx answer. */
export type FetchJson = (path: string, init?: { headers?: Record<string, string> }) => Promise<unknown>;

/** Reads a whitelisted global of the page's MAIN world (e.g. ServiceNow's `g_ck`). */
export type PageValue = (name: string) => Promise<string | null>;

export interface ApiContext {
  url: URL;
  ticketId: string;
  fetchJson: FetchJson;
  pageValue?: PageValue;
}

/** One helpdesk: how to recognise its pages and read the people on a ticket. */
export interface HelpdeskAdapter {
  id: string;
  name: string;
  /** True when the URL belongs to this helpdesk (host, or path fingerprint for self-hosted ones). */
  matchesUrl(url: URL): boolean;
  /** The ticket shown at `url`, or null on any other page of the helpdesk. */
  ticketId(url: URL, doc: Document): string | null;
  /** People read from the helpdesk's own API; null when the API is unavailable or its answer is not understood. */
  fromApi?(ctx: ApiContext): Promise<DetectedPerson[] | null>;
  /** People read from the page. `root` is the active ticket's container when the adapter has `activeRoot`. */
  fromDom(doc: Document, url: URL, root?: ParentNode): DetectedPerson[];
  /** The container of the ticket `ticketId` when several tickets are mounted; null while it is not rendered. */
  activeRoot?(doc: Document, ticketId: string): Element | null;
  /** The ticket's subject as shown on the page. */
  ticketTitle?(doc: Document, root?: ParentNode): string | undefined;
  /** The ticket may render inside open shadow roots or same-origin iframes (ServiceNow), so those are watched too. */
  nestedRoots?: boolean;
  /** The signed-in agent's own email, read from the helpdesk API, so it is never offered as the requester. */
  agentEmail?(ctx: Omit<ApiContext, 'ticketId'>): Promise<string | null>;
}
