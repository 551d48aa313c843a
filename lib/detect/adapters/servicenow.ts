import * as z from 'zod/mini';
import type { HelpdeskAdapter } from '../adapter';
import { frameDocument, safeQuery, valueOf } from '../dom';
import { person, uniquePeople } from '../person';
import type { PersonRole } from '../types';
import { getJson, labelledPeople } from './shared';

interface RecordRef {
  table: string;
  sysId: string;
}

const TABLE = /^[a-z][a-z0-9_]{1,79}$/;
const SYS_ID = /^[0-9a-f]{32}$/;

/** Person reference fields per table, the affected user first (ServiceNow docs: task tables). */
const PERSON_FIELDS: Record<string, [field: string, role: PersonRole][]> = {
  incident: [['caller_id', 'caller'], ['opened_by', 'requester']],
  sc_request: [['requested_for', 'requested-for'], ['opened_by', 'requester']],
  sc_req_item: [['requested_for', 'requested-for'], ['opened_by', 'requester']],
  sc_task: [['request_item.requested_for', 'requested-for'], ['opened_by', 'requester']],
  sn_hr_core_case: [['subject_person', 'requested-for'], ['opened_for', 'requested-for'], ['opened_by', 'requester']],
  sn_customerservice_case: [['contact', 'contact'], ['opened_by', 'requester']],
};
const DEFAULT_FIELDS: [string, PersonRole][] = [['caller_id', 'caller'], ['requested_for', 'requested-for'], ['opened_by', 'requester']];
const fieldsFor = (table: string) => PERSON_FIELDS[table] ?? DEFAULT_FIELDS;

/** Table and sys_id from a classic form URL, `nav_to.do?uri=`, Next Experience or a Workspace record URL. */
function serviceNowRecord(url: URL, depth = 0): RecordRef | null {
  const workspace = /\/record\/([a-z][a-z0-9_]{1,79})\/([0-9a-f]{32})(?:\/|$)/.exec(url.pathname);
  if (workspace) return { table: workspace[1]!, sysId: workspace[2]! };
  if (depth > 1) return null;
  const nested = url.pathname === '/nav_to.do' ? url.searchParams.get('uri') : /^\/now\/nav\/ui\/classic\/params\/target\/(.+)$/.exec(url.pathname)?.[1];
  if (nested) {
    try {
      return serviceNowRecord(new URL(decodeURIComponent(nested).replace(/^\/?/, '/'), url.origin), depth + 1);
    } catch {
      return null;
    }
  }
  const classic = /^\/([a-z][a-z0-9_]{1,79})\.do$/.exec(url.pathname);
  const sysId = url.searchParams.get('sys_id');
  if (classic && TABLE.test(classic[1]!) && sysId && SYS_ID.test(sysId)) return { table: classic[1]!, sysId };
  return null;
}

/** The classic form's document: `gsft_main` in UI16 or inside the Next Experience shell's shadow root, else the page. */
function serviceNowFormDocument(doc: Document): Document {
  const frame =
    doc.getElementById('gsft_main') ??
    safeQuery(doc, '[component-id]')?.shadowRoot?.querySelector('#gsft_main');
  return frameDocument(frame) ?? doc;
}

/** The record a classic form document shows: its hidden sys_target/sys_uniqueValue inputs, else its URL. */
function frameRecord(form: Document): RecordRef | null {
  const table = valueOf(form.getElementById('sys_target'));
  const sysId = valueOf(form.getElementById('sys_uniqueValue'));
  if (table && sysId && TABLE.test(table) && SYS_ID.test(sysId)) return { table, sysId };
  try {
    return serviceNowRecord(new URL(form.location.href));
  } catch {
    return null;
  }
}

const sameRecord = (a: RecordRef | null, b: RecordRef) => a?.table === b.table && a.sysId === b.sysId;

function currentRecord(url: URL, doc: Document): RecordRef | null {
  const fromUrl = serviceNowRecord(url);
  if (fromUrl) return fromUrl;
  const form = serviceNowFormDocument(doc);
  return form === doc ? null : frameRecord(form);
}

const Field = z.object({ display_value: z.unknown(), value: z.unknown() });
const TableAnswer = z.object({ result: z.record(z.string(), z.union([Field, z.string(), z.null()])) });
const asText = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const servicenow: HelpdeskAdapter = {
  id: 'servicenow',
  name: 'ServiceNow',
  nestedRoots: true,
  matchesUrl: (url) => url.hostname.endsWith('.service-now.com') || url.hostname.endsWith('.servicenowservices.com'),

  ticketId(url, doc) {
    const record = currentRecord(url, doc);
    return record ? `${record.table}/${record.sysId}` : null;
  },

  async fromApi(ctx) {
    const [table, sysId] = ctx.ticketId.split('/') as [string, string];
    if (!TABLE.test(table) || !SYS_ID.test(sysId)) return null;
    const fields = fieldsFor(table);
    const names = fields.flatMap(([f]) => [f, `${f}.email`, `${f}.name`]);
    const query = new URLSearchParams({
      sysparm_display_value: 'all',
      sysparm_exclude_reference_link: 'true',
      sysparm_fields: ['number', 'short_description', ...names].join(','),
    });
    const token = await ctx.pageValue?.('g_ck');
    const answer = await getJson(ctx, `/api/now/table/${table}/${sysId}?${query}`, TableAnswer, token ? { 'X-UserToken': token } : undefined);
    if (!answer) return null;
    const read = (name: string, part: 'display_value' | 'value') => {
      const field = answer.result[name];
      return field && typeof field === 'object' ? asText(field[part]) : asText(field);
    };
    const people = fields.map(([f, role]) =>
      read(f, 'value') ? person(role, 'api', read(`${f}.email`, 'value'), read(`${f}.name`, 'display_value') ?? read(f, 'display_value')) : null,
    );
    const found = uniquePeople(people);
    return found.length > 0 ? found : null;
  },

  fromDom(doc, url) {
    const record = currentRecord(url, doc);
    const form = serviceNowFormDocument(doc);
    if (!record) return labelledPeople(doc);
    // After navigation the frame may still hold the previous record until it reloads.
    if (form !== doc && !sameRecord(frameRecord(form), record)) return [];
    const byId = (id: string) => valueOf(form.getElementById(id));
    const people = fieldsFor(record.table).map(([f, role]) =>
      person(
        role,
        'dom',
        byId(`${record.table}.${f}.email`) ?? byId(`sys_readonly.${record.table}.${f}.email`),
        byId(`sys_display.${record.table}.${f}`),
      ),
    );
    const found = uniquePeople(people);
    // Workspaces render the form in nested shadow roots with no stable ids: read it by its labels.
    return found.length > 0 ? found : labelledPeople(form);
  },

  ticketTitle: (doc) => valueOf(safeQuery(serviceNowFormDocument(doc), '[id$=".short_description"]')),
};
