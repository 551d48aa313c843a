import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, valueOf } from '../dom';
import { labelledPeople } from './shared';

/** `SREdit.jsp?id=` directly or in the `index.jsp#/SREdit.jsp?…&id=` hash route. */
function requestId(url: URL): string | null {
  const direct = url.pathname.endsWith('/SREdit.jsp') ? url.searchParams.get('id') : null;
  const hashed = /^#\/?SREdit\.jsp\?(.*)$/.exec(url.hash)?.[1];
  const id = direct ?? (hashed ? new URLSearchParams(hashed).get('id') : null);
  return id && /^\d{1,12}$/.test(id) ? id : null;
}

export const sysaid: HelpdeskAdapter = {
  id: 'sysaid',
  name: 'SysAid',
  matchesUrl: (url) => url.hostname.endsWith('.sysaidit.com'),
  ticketId: (url) => requestId(url),
  // No public selector for the request user is known; its field is labelled "Request user"/"Requester".
  fromDom: (doc) => labelledPeople(safeQuery(doc, 'form, #srForm, main') ?? doc),
  ticketTitle: (doc) => valueOf(doc.getElementById('title')),
};
