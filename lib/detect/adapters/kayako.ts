import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { idFromPath } from './shared';

// Kayako's agent UI uses CSS-module classes with hashed suffixes; match on the stable prefix.
const REQUESTER_EMAIL = '[class*="ko-identities_identity_trigger__name_"]';
const REQUESTER_NAME =
  '[class*="ko-agent-content_sidebar_requester-info-card__requester-name_"] [class*="ko-editable-text__emphasizedText"]';

export const kayako: HelpdeskAdapter = {
  id: 'kayako',
  name: 'Kayako',
  matchesUrl: (url) => url.hostname.endsWith('.kayako.com'),
  ticketId: (url) => idFromPath(url, /^\/agent\/conversations\/(?:view\/)?(\d+)(?:\/|$)/),
  fromDom: (doc) =>
    uniquePeople([person('requester', 'dom', textOf(safeQuery(doc, REQUESTER_EMAIL), 320), textOf(safeQuery(doc, REQUESTER_NAME), 200))]),
  ticketTitle: (doc) => textOf(safeQuery(doc, '[class*="ko-tabs_case__subject_"]'), 300),
};
