// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterFor, ADAPTERS } from '@/lib/detect/registry';
import { id } from '@/lib/detect/adapters/shared';
import { HELPDESK_FIXTURES } from '../../fixtures/helpdesks/manifest';
import { AGENT_EMAIL, failingApi, fixtureApi, loadFixture } from './load-fixture';

/** Fixtures of a helpdesk adapter whose page the manifest describes (what the adapter reads with the API unavailable). */
const adapterFixtures = HELPDESK_FIXTURES.filter((f) => f.helpdesk !== 'generic' && f.dom);

describe('registry', () => {
  it('has one adapter per helpdesk in the brief, each with a unique id', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(19);
  });

  it.each(HELPDESK_FIXTURES.filter((f) => f.helpdesk !== 'generic'))('picks $helpdesk for $url', ({ helpdesk, url }) => {
    expect(adapterFor(new URL(url))?.id).toBe(helpdesk);
  });

  it('claims no adapter for an unknown helpdesk page', () => {
    expect(adapterFor(new URL('https://tickets.acme.example/requests/5521'))).toBeNull();
  });
});

describe.each(adapterFixtures)('$helpdesk DOM ($page)', ({ page, dom }) => {
  const expected = dom!;

  it('reads the ticket id from the URL', () => {
    const { doc, url } = loadFixture(page);
    expect(adapterFor(url)!.ticketId(url, doc)).toBe(expected.ticketId);
  });

  it('reads every person on the page, requester first, with their roles and names', () => {
    const { doc, url } = loadFixture(page);
    const adapter = adapterFor(url)!;
    const root = adapter.activeRoot ? adapter.activeRoot(doc, expected.ticketId) : doc;
    expect(root).not.toBeNull();
    const people = adapter.fromDom(doc, url, root!);
    // Exact objects: a person the manifest lists without a name must come without one.
    expect(people).toEqual(expected.people.map((p) => ({ ...p, source: 'dom' })));
    expect(people[0]?.name).toBe(expected.people[0]?.name);
    if (expected.title) expect(adapter.ticketTitle?.(doc, root!)).toBe(expected.title);
  });
});

describe('ticket ids on other pages of a helpdesk', () => {
  it.each([
    'https://acme.zendesk.com/agent/filters/360001',
    'https://acme.freshdesk.com/a/tickets/filters/all_tickets',
    'https://acme.atlassian.net/jira/your-work',
    'https://acme.service-now.com/nav_to.do?uri=%2Fhome.do',
    'https://acme.service-now.com/incident.do?sys_id=-1',
    'https://acme.sysaidit.com/index.jsp#/HelpDesk.jsp',
    'https://app.intercom.com/a/inbox/abc12345/inbox/shared/all',
    'https://help.acme.example/scp/tickets.php?status=open',
  ])('has no ticket at %s', (href) => {
    const url = new URL(href);
    expect(adapterFor(url)!.ticketId(url, document)).toBeNull();
  });

  it.each([
    ['https://acme.atlassian.net/browse/IT-42', 'IT-42'],
    ['https://acme.atlassian.net/jira/software/projects/IT/boards/3?selectedIssue=IT-7', 'IT-7'],
    ['https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D9d385017c611228701d22104cc95c371', 'incident/9d385017c611228701d22104cc95c371'],
    ['https://acme.service-now.com/now/workspace/agent/record/incident/9d385017c611228701d22104cc95c371', 'incident/9d385017c611228701d22104cc95c371'],
    ['https://acme.service-now.com/sc_req_item.do?sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90', 'sc_req_item/a1b2c3d4e5f60718293a4b5c6d7e8f90'],
    ['https://acme.sysaidit.com/index.jsp#/SREdit.jsp?QuickAcess&id=3057', '3057'],
    ['https://app.hubspot.com/contacts/20012345/record/0-5/88112233', '88112233'],
    ['https://acme.freshservice.com/helpdesk/tickets/812', '812'],
  ])('reads %s as %s', (href, id) => {
    const url = new URL(href);
    expect(adapterFor(url)!.ticketId(url, document)).toBe(id);
  });
});

describe('helpdesk APIs', () => {
  const api = async (page: string) => {
    const { fixture, url, doc } = loadFixture(page);
    const adapter = adapterFor(url)!;
    const fetchJson = fixtureApi(fixture);
    const ticketId = adapter.ticketId(url, doc)!;
    const people = await adapter.fromApi!({ url, ticketId, fetchJson, pageValue: async (name) => (name === 'g_ck' ? 'token-123' : null) });
    return { people, calls: fetchJson.calls, adapter, url, fetchJson };
  };

  it('Zendesk: requester from the sideloaded users, submitter (an agent) as reporter', async () => {
    const { people, calls } = await api('zendesk/ticket-two-panes.html');
    expect(calls[0]?.path).toBe('/api/v2/tickets/123.json?include=users');
    expect(people).toEqual([
      { role: 'requester', source: 'api', email: 'grace.hansen@example.com', name: 'Grace Hansen' },
      { role: 'reporter', source: 'api', email: AGENT_EMAIL, name: 'Sam Taylor' },
    ]);
  });

  it('Zendesk: agent email from /api/v2/users/me.json', async () => {
    const { adapter, url, fetchJson } = await api('zendesk/ticket-two-panes.html');
    expect(await adapter.agentEmail!({ url, fetchJson })).toBe(AGENT_EMAIL);
  });

  it('Freshdesk: requester embedded with include=requester', async () => {
    const { people, calls } = await api('freshdesk/ticket.html');
    expect(calls[0]?.path).toBe('/api/v2/tickets/4521?include=requester');
    expect(people).toEqual([{ role: 'requester', source: 'api', email: 'priya.patel@example.com', name: 'Priya Patel' }]);
  });

  it('Freshservice: requested-for (the affected user) first, then who filed it', async () => {
    const { people, calls } = await api('freshservice/ticket.html');
    expect(calls.map((c) => c.path)).toEqual(['/api/v2/tickets/812?include=requester', '/api/v2/requesters/21000377']);
    expect(people).toEqual([
      { role: 'requested-for', source: 'api', email: 'felix.bauer@example.com', name: 'Felix Bauer' },
      { role: 'requester', source: 'api', email: 'emma.fischer@example.com', name: 'Emma Fischer' },
    ]);
  });

  it('JSM: the reporter is the customer; the agent who raised it on their behalf is listed after', async () => {
    const { people } = await api('jira-service-management/issue.html');
    expect(people).toEqual([
      { role: 'reporter', source: 'api', email: 'hana.suzuki@example.com', name: 'Hana Suzuki' },
      { role: 'requester', source: 'api', email: AGENT_EMAIL, name: 'Sam Taylor' },
    ]);
  });

  it('ServiceNow incident: caller and opened_by via the Table API with the X-UserToken from g_ck', async () => {
    const { people, calls } = await api('servicenow/nav-to-incident.html');
    expect(calls[0]?.path.startsWith('/api/now/table/incident/9d385017c611228701d22104cc95c371?')).toBe(true);
    expect(new URL(calls[0]!.path, 'https://x').searchParams.get('sysparm_display_value')).toBe('all');
    expect(calls[0]?.headers).toEqual({ 'X-UserToken': 'token-123' });
    expect(people).toEqual([
      { role: 'caller', source: 'api', email: 'nadia.novak@example.com', name: 'Nadia Novak' },
      { role: 'requester', source: 'api', email: AGENT_EMAIL, name: 'Sam Taylor' },
    ]);
  });

  it('ServiceNow Workspace RITM: requested_for first, opened_by second', async () => {
    const { people, calls } = await api('servicenow/workspace-ritm.html');
    expect(new URL(calls[0]!.path, 'https://x').searchParams.get('sysparm_fields')).toContain('requested_for.email');
    expect(people).toEqual([
      { role: 'requested-for', source: 'api', email: 'kofi.okafor@example.com', name: 'Kofi Okafor' },
      { role: 'requester', source: 'api', email: 'julia.meyer@example.com', name: 'Julia Meyer' },
    ]);
  });

  it('Intercom: user_summary of the conversation, asked with the app id', async () => {
    const { people, calls } = await api('intercom/conversation.html');
    expect(calls[0]?.path).toBe('/ember/inbox/conversations/186000123456789?app_id=abc12345');
    expect(people).toEqual([{ role: 'requester', source: 'api', email: 'zoe.wang@example.com', name: 'Zoe Wang' }]);
  });

  it('Gorgias: the ticket customer', async () => {
    const { people } = await api('gorgias/ticket.html');
    expect(people).toEqual([{ role: 'requester', source: 'api', email: 'elif.yilmaz@example.com', name: 'Elif Yilmaz' }]);
  });

  it('Zammad: ticket customer_id then the user', async () => {
    const { people, calls } = await api('zammad/ticket-zoom.html');
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/tickets/77', '/api/v1/users/18']);
    expect(people).toEqual([{ role: 'requester', source: 'api', email: 'leila.becker@example.com', name: 'Leila Becker' }]);
  });

  it.each(adapterFixtures.filter((f) => f.api))('$helpdesk: null when the API fails, so the DOM is used', async ({ page }) => {
    const { url, doc } = loadFixture(page);
    const adapter = adapterFor(url)!;
    if (!adapter.fromApi) return;
    expect(await adapter.fromApi({ url, ticketId: adapter.ticketId(url, doc)!, fetchJson: failingApi })).toBeNull();
  });

  it.each(adapterFixtures.filter((f) => f.api))('$helpdesk: null when the API answers an unexpected shape', async ({ page }) => {
    const { url, doc } = loadFixture(page);
    const adapter = adapterFor(url)!;
    if (!adapter.fromApi) return;
    const weird = async () => ({ ticket: 'nope', result: [1, 2], user_summary: 5, reporter: null, customer_id: {} });
    expect(await adapter.fromApi({ url, ticketId: adapter.ticketId(url, doc)!, fetchJson: weird })).toBeNull();
  });
});

describe('the API id schema shared by the adapters', () => {
  it('takes an integer or a string of up to 64 characters, as a string', () => {
    expect(id.parse(90012)).toBe('90012');
    expect(id.parse('INC0010023')).toBe('INC0010023');
    expect(id.parse('x'.repeat(64))).toBe('x'.repeat(64));
  });

  it('refuses fractions, long strings and anything else', () => {
    for (const bad of [1.5, Number.NaN, 'x'.repeat(65), null, undefined, { id: 1 }]) {
      expect(id.safeParse(bad).success, JSON.stringify(bad) ?? String(bad)).toBe(false);
    }
  });
});
