// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FetchJson } from '@/lib/detect/adapter';
import { CustomRule } from '@/lib/detect/custom-rule-schema';
import { startDetection, type StartDetectionOptions } from '@/lib/detect/runtime';
import { Detection } from '@/lib/detect/types';
import { HELPDESK_FIXTURES } from '../../fixtures/helpdesks/manifest';
import { AGENT_EMAIL, failingApi, fixtureApi, fixtureJson, loadFixture, parsePage } from './load-fixture';

/** The affected user each fixture page is about (API answers included where the helpdesk has them). */
const AFFECTED_USER: Record<string, string> = {
  'zendesk/ticket-two-panes.html': 'grace.hansen@example.com',
  'freshdesk/ticket.html': 'priya.patel@example.com',
  'freshservice/ticket.html': 'felix.bauer@example.com',
  'jira-service-management/issue.html': 'hana.suzuki@example.com',
  'servicenow/nav-to-incident.html': 'nadia.novak@example.com',
  'servicenow/workspace-ritm.html': 'kofi.okafor@example.com',
  'sysaid/sredit.html': 'ines.costa@example.com',
  'helpscout/conversation.html': 'yara.ahmed@example.com',
  'intercom/conversation.html': 'zoe.wang@example.com',
  'front/conversation.html': 'omar.garcia@example.com',
  'zoho-desk/ticket.html': 'maya.kowalski@example.com',
  'hubspot/ticket.html': 'rafael.pereira@example.com',
  'gorgias/ticket.html': 'elif.yilmaz@example.com',
  'kayako/conversation.html': 'chloe.martin@example.com',
  'osticket/ticket-view.html': 'diego.torres@example.com',
  'glpi/ticket-form.html': 'lucia.santos@example.com',
  'zammad/ticket-zoom.html': 'leila.becker@example.com',
  'request-tracker/display.html': 'kai.nakamura@example.com',
  'freescout/conversation.html': 'mohammed.ahmed@example.com',
  'uvdesk/ticket-view.html': 'fatima.kaur@example.com',
  'generic/unknown-helpdesk.html': 'ivan.petrov@example.com',
  'generic/form-labels.html': 'wei.zhang@example.com',
  'generic/hostile-names.html': 'eve.evil@example.com',
};

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});

function start(doc: Document, href: string, overrides: Partial<StartDetectionOptions> = {}) {
  const controller = new AbortController();
  controllers.push(controller);
  let url = href;
  const seen: (Detection | null)[] = [];
  const runtime = startDetection({
    url: () => url,
    doc,
    signal: controller.signal,
    onDetection: (d) => {
      if (d) expect(Detection.safeParse(d).success).toBe(true);
      seen.push(d);
    },
    excludeEmails: () => [AGENT_EMAIL],
    customRules: [],
    fetchJson: failingApi,
    ...overrides,
  });
  const last = () => seen.at(-1);
  const navigate = (next: string) => {
    url = next;
    runtime.rerun();
  };
  return { runtime, seen, last, navigate, controller };
}

const emails = (d: Detection | null | undefined) => d?.people.map((p) => p.email) ?? [];

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(HELPDESK_FIXTURES)('detection runtime on $page', ({ page }) => {
  it('reports the affected user first and never the agent, who is also on the page', async () => {
    const { fixture, doc } = loadFixture(page);
    expect(doc.documentElement.innerHTML.includes(AGENT_EMAIL) || !!fixture.frames).toBe(true);
    const { seen, last } = start(doc, fixture.url, { fetchJson: fixtureApi(fixture) });
    await vi.waitFor(() => expect(last()?.people[0]?.email).toBe(AFFECTED_USER[page]));
    expect(last()?.helpdesk).toBe(fixture.helpdesk);
    expect(seen.flatMap(emails)).not.toContain(AGENT_EMAIL);
  });
});

describe('detection runtime', () => {
  it('reports the API requester of the active Zendesk ticket and drops the agent', async () => {
    const { fixture, doc } = loadFixture('zendesk/ticket-two-panes.html');
    const { last } = start(doc, fixture.url, { fetchJson: fixtureApi(fixture) });
    await vi.waitFor(() => expect(last()?.people[0]?.source).toBe('api'));
    expect(last()).toEqual({
      helpdesk: 'zendesk',
      ticketId: '123',
      ticketUrl: 'https://acme.zendesk.com/agent/tickets/123',
      ticketTitle: 'Laptop cannot connect to VPN',
      people: [{ role: 'requester', source: 'api', email: 'grace.hansen@example.com', name: 'Grace Hansen' }],
    });
  });

  it('falls back to the DOM of the active pane only when the API fails', async () => {
    const { fixture, doc } = loadFixture('zendesk/ticket-two-panes.html');
    const { last } = start(doc, fixture.url);
    await vi.waitFor(() => expect(emails(last())).toEqual(['grace.hansen@example.com']));
    expect(last()?.people[0]?.source).toBe('dom');
  });

  it('waits for the pane of ticket 122 to become active before reading it', async () => {
    const { doc } = loadFixture('zendesk/ticket-two-panes.html');
    const { last } = start(doc, 'https://acme.zendesk.com/agent/tickets/122');
    await vi.waitFor(() => expect(last()?.ticketId).toBe('122'));
    expect(last()?.people).toEqual([]);
    const panes = doc.querySelectorAll('.ticket-panes-grid-layout');
    panes[1]!.setAttribute('data-is-active', 'false');
    panes[0]!.setAttribute('data-is-active', 'true');
    await vi.waitFor(() => expect(emails(last())).toEqual(['mateo.silva@example.com']));
  });

  it('learns the agent address from the helpdesk API and never reports it', async () => {
    const { fixture, doc } = loadFixture('zendesk/ticket-two-panes.html');
    const { last } = start(doc, fixture.url, { fetchJson: fixtureApi(fixture), excludeEmails: () => [] });
    await vi.waitFor(() => expect(emails(last())).toEqual(['grace.hansen@example.com']));
  });

  it('drops a late API answer for the previous ticket after an in-page navigation', async () => {
    const doc = parsePage('<main></main>');
    const slow = deferred<unknown>();
    const fetchJson: FetchJson = async (path) => {
      if (path.startsWith('/api/v2/tickets/1.json')) return slow.promise;
      if (path.startsWith('/api/v2/tickets/2.json')) {
        return { ticket: { id: 2, requester_id: 20 }, users: [{ id: 20, name: 'Second Person', email: 'second.person@example.com' }] };
      }
      throw new Error('404');
    };
    const { seen, last, navigate } = start(doc, 'https://acme.zendesk.com/agent/tickets/1', { fetchJson });
    navigate('https://acme.zendesk.com/agent/tickets/2');
    await vi.waitFor(() => expect(emails(last())).toEqual(['second.person@example.com']));
    slow.resolve({ ticket: { id: 1, requester_id: 10 }, users: [{ id: 10, name: 'First Person', email: 'first.person@example.com' }] });
    await new Promise((r) => setTimeout(r, 50));
    expect(emails(last())).toEqual(['second.person@example.com']);
    expect(seen.some((d) => emails(d).includes('first.person@example.com'))).toBe(false);
  });

  it('never labels the previous ticket’s on-page requester with the new ticket id', async () => {
    const { doc } = loadFixture('kayako/conversation.html');
    const { seen, last, navigate } = start(doc, 'https://acme.kayako.com/agent/conversations/31337');
    await vi.waitFor(() => expect(emails(last())).toEqual(['chloe.martin@example.com']));
    navigate('https://acme.kayako.com/agent/conversations/31338');
    expect(last()).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((d) => d?.ticketId === '31338').flatMap(emails)).not.toContain('chloe.martin@example.com');
    doc.querySelector('[class*="ko-identities_identity_trigger__name_"]')!.textContent = 'noah.wilson@example.com';
    doc.querySelector('[class*="ko-editable-text__emphasizedText"]')!.textContent = 'Noah Wilson';
    await vi.waitFor(() => expect(last()).toMatchObject({ ticketId: '31338', people: [{ email: 'noah.wilson@example.com', name: 'Noah Wilson' }] }));
  });

  it('also holds back the old requester when a non-ticket page came in between', async () => {
    const { doc } = loadFixture('kayako/conversation.html');
    const { seen, last, navigate } = start(doc, 'https://acme.kayako.com/agent/conversations/31337');
    await vi.waitFor(() => expect(emails(last())).toEqual(['chloe.martin@example.com']));
    navigate('https://acme.kayako.com/agent/inbox');
    navigate('https://acme.kayako.com/agent/conversations/31338');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((d) => d?.ticketId === '31338').flatMap(emails)).not.toContain('chloe.martin@example.com');
    navigate('https://acme.kayako.com/agent/conversations/31337');
    await vi.waitFor(() => expect(last()).toMatchObject({ ticketId: '31337', people: [{ email: 'chloe.martin@example.com' }] }));
  });

  it('picks up a requester rendered after the page loaded', async () => {
    const doc = parsePage('<body data-conversation_id="388"><div id="conv-layout-customer"></div></body>');
    const { last } = start(doc, 'https://support.acme.example/conversation/388');
    await vi.waitFor(() => expect(last()?.ticketId).toBe('388'));
    expect(last()?.people).toEqual([]);
    doc.getElementById('conv-layout-customer')!.innerHTML =
      '<div class="customer-snippet"><a class="customer-name">Mohammed Ahmed</a><ul><li class="customer-email"><a class="contact-main">mohammed.ahmed@example.com</a></li></ul></div>';
    await vi.waitFor(() => expect(emails(last())).toEqual(['mohammed.ahmed@example.com']));
  });

  it('does no more than a URL check on a non-ticket page of a known helpdesk', async () => {
    const doc = parsePage('<main><p>Views</p></main>');
    const fetchJson = vi.fn(failingApi);
    const { seen } = start(doc, 'https://acme.zendesk.com/agent/filters/360001', { fetchJson });
    doc.body.insertAdjacentHTML('beforeend', '<p>Requester: someone.else@example.com</p>');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([null]);
    expect(fetchJson).not.toHaveBeenCalled();
  });

  it('reads the ServiceNow classic form inside gsft_main', async () => {
    const { fixture, doc } = loadFixture('servicenow/nav-to-incident.html');
    const { last } = start(doc, fixture.url);
    await vi.waitFor(() => expect(last()?.people[0]).toMatchObject({ role: 'caller', email: 'nadia.novak@example.com', name: 'Nadia Novak', source: 'dom' }));
    expect(last()?.ticketId).toBe('incident/9d385017c611228701d22104cc95c371');
    expect(last()?.ticketTitle).toBe('MFA push notifications not arriving');
  });

  it('asks the page bridge for g_ck and sends it as X-UserToken to the ServiceNow Table API', async () => {
    const { fixture, doc } = loadFixture('servicenow/nav-to-incident.html');
    const fetchJson = fixtureApi(fixture);
    const pageValue = vi.fn(async (name: string) => (name === 'g_ck' ? 'session-token' : null));
    const { last } = start(doc, fixture.url, { fetchJson, pageValue });
    await vi.waitFor(() => expect(last()?.people[0]?.source).toBe('api'));
    expect(pageValue).toHaveBeenCalledWith('g_ck');
    expect(fetchJson.calls[0]?.headers).toEqual({ 'X-UserToken': 'session-token' });
    expect(emails(last())).toEqual(['nadia.novak@example.com']);
  });

  it('reads a ServiceNow Workspace form from open shadow roots when the API is unavailable', async () => {
    const { fixture, doc } = loadFixture('servicenow/workspace-ritm.html');
    const form = doc.querySelector('now-record-form-connected')!;
    const shadow = form.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div class="field"><label>Requested for</label><span>Kofi Okafor</span> <span>kofi.okafor@example.com</span></div>';
    const { last } = start(doc, fixture.url);
    await vi.waitFor(() => expect(last()?.people[0]).toMatchObject({ role: 'requested-for', email: 'kofi.okafor@example.com' }));
  });

  it('uses the Zammad ticket tab of the hash route', async () => {
    const { fixture, doc } = loadFixture('zammad/ticket-zoom.html');
    const { last, navigate } = start(doc, fixture.url);
    await vi.waitFor(() => expect(emails(last())).toEqual(['leila.becker@example.com']));
    navigate('https://zammad.acme.example/#ticket/zoom/76');
    await vi.waitFor(() => expect(last()).toMatchObject({ ticketId: '76', people: [{ email: 'thomas.schmidt@example.com' }] }), { timeout: 4000 });
  });

  it('puts custom-rule people before the generic detector’s', async () => {
    const { fixture, doc } = loadFixture('generic/unknown-helpdesk.html');
    const customRules = [CustomRule.parse({ host: 'tickets.acme.example', urlPattern: '/requests/*', selector: '.thread p', role: 'contact' })];
    const { last } = start(doc, fixture.url, { customRules });
    await vi.waitFor(() => expect(last()?.people[0]).toMatchObject({ source: 'rule', email: 'nina.olsen@example.com', role: 'contact' }));
    expect(last()?.helpdesk).toBe('generic');
  });

  it('uses the generic detector on unknown pages, with a ticket id guessed from the URL', async () => {
    const { fixture, doc } = loadFixture('generic/unknown-helpdesk.html');
    const { last } = start(doc, fixture.url);
    await vi.waitFor(() => expect(last()?.people[0]).toMatchObject({ email: 'ivan.petrov@example.com', role: 'requested-for', source: 'generic' }));
    expect(last()).toMatchObject({ helpdesk: 'generic', ticketId: '5521' });
    expect(emails(last())).not.toContain(AGENT_EMAIL);
  });

  it('stops reporting once its signal is aborted', async () => {
    const doc = parsePage('<body data-conversation_id="388"><div id="c"></div></body>');
    const { seen, controller } = start(doc, 'https://support.acme.example/conversation/388');
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    const count = seen.length;
    controller.abort();
    doc.getElementById('c')!.innerHTML = '<div class="customer-snippet"><li class="customer-email"><a>late@example.com</a></li></div>';
    await new Promise((r) => setTimeout(r, 400));
    expect(seen).toHaveLength(count);
  });

  describe('while the page is still being parsed', () => {
    /** A document that says it is loading until `parsed()` fills it with `page`'s markup and fires DOMContentLoaded. */
    function loadingDocument(page: string) {
      const { fixture } = loadFixture(page);
      const doc = parsePage('<!DOCTYPE html><html><head></head><body></body></html>');
      let state: DocumentReadyState = 'loading';
      Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
      const parsed = () => {
        const full = loadFixture(page).doc;
        doc.head.innerHTML = full.head.innerHTML;
        doc.body.innerHTML = full.body.innerHTML;
        state = 'interactive';
        doc.dispatchEvent(new Event('DOMContentLoaded'));
      };
      return { fixture, doc, parsed };
    }

    /** Nothing was reported a little while after starting (the page is still loading). */
    async function nothingReportedYet(seen: (Detection | null)[]) {
      await new Promise((r) => setTimeout(r, 50));
      expect(seen).toEqual([]);
    }

    it('reports the requester from the ticket’s API before the page is parsed, and the title once it is', async () => {
      const { fixture, doc, parsed } = loadingDocument('zendesk/ticket-two-panes.html');
      const api = fixtureApi(fixture);
      const { seen, last } = start(doc, fixture.url, { fetchJson: api });
      await vi.waitFor(() => expect(emails(last())).toEqual(['grace.hansen@example.com']));
      expect(api.calls.map((c) => c.path)).toContain('/api/v2/tickets/123.json?include=users');
      expect(last()?.people[0]?.source).toBe('api');
      expect(last()?.ticketTitle).toBeUndefined();
      parsed();
      await vi.waitFor(() => expect(last()?.ticketTitle).toBe('Laptop cannot connect to VPN'));
      expect(seen.every((d) => emails(d).join() === 'grace.hansen@example.com')).toBe(true);
    });

    it('reports nobody from a half-parsed page when the API fails, and reads the page once parsed', async () => {
      const { fixture, doc, parsed } = loadingDocument('zendesk/ticket-two-panes.html');
      const { seen, last } = start(doc, fixture.url);
      await nothingReportedYet(seen);
      parsed();
      await vi.waitFor(() => expect(emails(last())).toEqual(['grace.hansen@example.com']));
      expect(last()?.people[0]?.source).toBe('dom');
    });

    it('asks the API again once the page is parsed when it could not answer before (a token the page defines)', async () => {
      const { fixture, doc, parsed } = loadingDocument('zendesk/ticket-two-panes.html');
      const answers = fixtureApi(fixture);
      const asked: DocumentReadyState[] = [];
      const fetchJson: FetchJson = async (path, init) => {
        asked.push(doc.readyState);
        if (doc.readyState === 'loading') throw new Error('401 no session token yet');
        return answers(path, init);
      };
      const { seen, last } = start(doc, fixture.url, { fetchJson });
      await vi.waitFor(() => expect(asked).toContain('loading'));
      await nothingReportedYet(seen);
      parsed();
      await vi.waitFor(() => expect(last()?.people[0]).toMatchObject({ email: 'grace.hansen@example.com', source: 'api' }));
      expect(seen.every((d) => d?.people[0]?.source === 'api')).toBe(true);
    });

    it('asks for the agent’s own address again once the page is parsed, and then never reports it', async () => {
      const { fixture, doc, parsed } = loadingDocument('zendesk/ticket-two-panes.html');
      const answers = fixtureApi(fixture);
      const fetchJson: FetchJson = async (path, init) => {
        if (path.includes('/users/me') && doc.readyState === 'loading') throw new Error('401 no session yet');
        return answers(path, init);
      };
      const { last } = start(doc, fixture.url, { fetchJson, excludeEmails: () => [] });
      await vi.waitFor(() => expect(emails(last())).toContain('grace.hansen@example.com'));
      parsed();
      await vi.waitFor(() => expect(emails(last())).toEqual(['grace.hansen@example.com']));
      expect(answers.calls.filter((c) => c.path.includes('/users/me'))).toHaveLength(1);
    });

    it('waits for the parsed page where there is no API to ask', async () => {
      const { fixture, doc, parsed } = loadingDocument('generic/unknown-helpdesk.html');
      const { seen, last } = start(doc, fixture.url);
      await nothingReportedYet(seen);
      parsed();
      await vi.waitFor(() => expect(last()?.people[0]).toMatchObject({ email: 'ivan.petrov@example.com', source: 'generic' }));
    });
  });

  it('keeps the API answer shapes of the fixtures valid (guards the fixture files)', () => {
    expect(fixtureJson('zendesk/api-ticket-123.json')).toHaveProperty('ticket.requester_id', 90012);
  });
});
