import type { HelpdeskAdapter } from './adapter';
import { freescout } from './adapters/freescout';
import { freshdesk } from './adapters/freshdesk';
import { freshservice } from './adapters/freshservice';
import { front } from './adapters/front';
import { glpi } from './adapters/glpi';
import { gorgias } from './adapters/gorgias';
import { helpscout } from './adapters/helpscout';
import { hubspot } from './adapters/hubspot';
import { intercom } from './adapters/intercom';
import { jiraServiceManagement } from './adapters/jira-service-management';
import { kayako } from './adapters/kayako';
import { osticket } from './adapters/osticket';
import { requestTracker } from './adapters/request-tracker';
import { servicenow } from './adapters/servicenow';
import { sysaid } from './adapters/sysaid';
import { uvdesk } from './adapters/uvdesk';
import { zammad } from './adapters/zammad';
import { zendesk } from './adapters/zendesk';
import { zohoDesk } from './adapters/zoho-desk';

/** Every helpdesk adapter. SaaS hosts come first; path fingerprints of self-hosted helpdesks after. */
export const ADAPTERS: readonly HelpdeskAdapter[] = [
  zendesk,
  freshdesk,
  freshservice,
  jiraServiceManagement,
  servicenow,
  sysaid,
  helpscout,
  intercom,
  front,
  zohoDesk,
  hubspot,
  gorgias,
  kayako,
  osticket,
  glpi,
  zammad,
  requestTracker,
  freescout,
  uvdesk,
];

/** The adapter for a page, by id hint (a self-hosted host configured in options) or by URL. */
export function adapterFor(url: URL, helpdeskId?: string): HelpdeskAdapter | null {
  if (helpdeskId) return ADAPTERS.find((a) => a.id === helpdeskId) ?? null;
  return ADAPTERS.find((a) => a.matchesUrl(url)) ?? null;
}
