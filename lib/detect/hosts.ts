/** Hosts of the SaaS helpdesks Deskside knows out of the box. Self-hosted ones are added in options. */
export const SAAS_HELPDESK_HOSTS = [
  { helpdesk: 'zendesk', pattern: 'https://*.zendesk.com/*' },
  { helpdesk: 'freshdesk', pattern: 'https://*.freshdesk.com/*' },
  { helpdesk: 'freshservice', pattern: 'https://*.freshservice.com/*' },
  { helpdesk: 'jira-service-management', pattern: 'https://*.atlassian.net/*' },
  { helpdesk: 'servicenow', pattern: 'https://*.service-now.com/*' },
  { helpdesk: 'servicenow', pattern: 'https://*.servicenowservices.com/*' },
  { helpdesk: 'sysaid', pattern: 'https://*.sysaidit.com/*' },
  { helpdesk: 'helpscout', pattern: 'https://secure.helpscout.net/*' },
  { helpdesk: 'intercom', pattern: 'https://app.intercom.com/*' },
  { helpdesk: 'front', pattern: 'https://app.frontapp.com/*' },
  { helpdesk: 'zoho-desk', pattern: 'https://desk.zoho.com/*' },
  { helpdesk: 'zoho-desk', pattern: 'https://desk.zoho.eu/*' },
  { helpdesk: 'zoho-desk', pattern: 'https://desk.zoho.in/*' },
  { helpdesk: 'zoho-desk', pattern: 'https://desk.zoho.com.au/*' },
  { helpdesk: 'zoho-desk', pattern: 'https://desk.zoho.jp/*' },
  { helpdesk: 'hubspot', pattern: 'https://app.hubspot.com/*' },
  { helpdesk: 'hubspot', pattern: 'https://app-eu1.hubspot.com/*' },
  { helpdesk: 'gorgias', pattern: 'https://*.gorgias.com/*' },
  { helpdesk: 'kayako', pattern: 'https://*.kayako.com/*' },
] as const;

export const HELPDESK_HOST_PATTERNS: string[] = SAAS_HELPDESK_HOSTS.map((h) => h.pattern);

/** When the content script runs, on SaaS and self-hosted helpdesks alike (see entrypoints/content). */
export const CONTENT_SCRIPT_RUN_AT = 'document_start';
