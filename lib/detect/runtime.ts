import type { FetchJson, HelpdeskAdapter, PageValue } from './adapter';
import { applyCustomRules, rulesFor, type CustomRule } from './custom-rules';
import { nestedRoots } from './dom';
import { detectGeneric } from './generic';
import { uniquePeople } from './person';
import { adapterFor } from './registry';
import { createSameOriginFetchJson } from './same-origin-fetch';
import { cleanText } from './text';
import type { DetectedPerson, Detection } from './types';

export interface StartDetectionOptions {
  /** The tab's current URL (the content script passes `() => location.href`). */
  url: () => string;
  doc: Document;
  signal: AbortSignal;
  /** A Detection for the ticket on screen, or null when the page is not a ticket. Called only on change. */
  onDetection: (detection: Detection | null) => void;
  /** The URL names a ticket; called before its people are read, so the panel can load meanwhile. */
  onTicketPage?: () => void;
  /** The agent's own addresses (helpdesk user menu, Okta admin); never reported. */
  excludeEmails: () => string[];
  customRules: readonly CustomRule[];
  /** Same-origin JSON GET with the agent's session; defaults to `createSameOriginFetchJson`. */
  fetchJson?: FetchJson;
  /** Reads whitelisted MAIN-world globals (ServiceNow `g_ck`); without it those APIs are skipped or fail to the DOM. */
  pageValue?: PageValue;
  /** Adapter id for a self-hosted host configured in options, when its URLs are not recognised on their own. */
  helpdesk?: string;
}

export interface DetectionRuntime {
  /** Re-reads the URL and detects again; call on `wxt:locationchange`. */
  rerun(): void;
  stop(): void;
}

const FAST_INTERVAL_MS = 250;
const SLOW_INTERVAL_MS = 1000;
/** The first change after a quiet spell is read this soon (one frame of batching); later ones wait out the interval. */
const LEADING_DELAY_MS = 16;
const FAST_PASSES = 20;
/** A page that keeps changing without a confident result stops being watched after this many passes. */
const MAX_PASSES = 150;
/** After an in-page navigation, DOM results equal to the previous ticket's wait this long for the page to change. */
const SETTLE_MS = 1500;
const OBSERVED_ATTRIBUTES = ['data-is-active', 'value', 'href', 'title', 'selected', 'data-default-email', 'aria-label', 'class'];

interface Run {
  url: URL;
  adapter: HelpdeskAdapter | null;
  ticketId: string | null;
  key: string;
  rules: CustomRule[];
  apiPending: boolean;
  apiPeople: DetectedPerson[] | null;
  passes: number;
  navigatedAt: number;
  mutatedSinceNavigation: boolean;
  /** Emails reported for the ticket shown before an in-page navigation to this one. */
  previousEmails: string[];
}

/** Ticket-looking id on a page no adapter knows: an `id`-like query parameter or a numeric/key last path segment. */
function genericTicketId(url: URL): string | null {
  for (const name of ['id', 'ticket', 'ticketId', 'ticket_id', 'number', 'sys_id', 'key']) {
    const value = url.searchParams.get(name);
    if (value && /^[A-Za-z0-9_-]{1,64}$/.test(value)) return value;
  }
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  return /^(?:[A-Z][A-Z0-9_]*-)?\d{1,12}$/.test(last) ? last : null;
}

/** The ticket the URL (and, for some helpdesks, the page) names, or null when this is not a ticket page. */
export function ticketIdFor(url: URL, doc: Document, helpdesk?: string): string | null {
  const adapter = adapterFor(url, helpdesk);
  return adapter ? adapter.ticketId(url, doc) : genericTicketId(url);
}

/** Detects the people on the ticket shown in `doc` and keeps doing so as the page and its URL change. */
export function startDetection(options: StartDetectionOptions): DetectionRuntime {
  const { doc, signal } = options;
  const observers: MutationObserver[] = [];
  let observed = new WeakSet<Node>();
  const framesWithListener = new WeakSet<Element>();
  const agentEmails = new Map<string, Promise<string | null>>();
  const learnedExclusions = new Set<string>();
  let run: Run | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerDue = 0;
  let lastPassAt = 0;
  let lastEmitted: string | undefined;
  let lastDetection: Detection | null = null;
  /** Emails of the last ticket that had people, kept across the null reported between tickets. */
  let lastReportedEmails: string[] = [];
  let lastReportedKey: string | undefined;
  let stopped = false;

  const emit = (detection: Detection | null) => {
    const serialized = JSON.stringify(detection);
    if (serialized === lastEmitted) return;
    lastEmitted = serialized;
    lastDetection = detection;
    const reported = detection?.people.flatMap((p) => (p.email ? [p.email] : [])) ?? [];
    if (reported.length > 0) {
      lastReportedEmails = reported;
      lastReportedKey = run?.key;
    }
    options.onDetection(detection);
  };

  const excluded = () => new Set([...options.excludeEmails().map((e) => e.toLowerCase()), ...learnedExclusions]);

  const stopWatching = () => {
    for (const observer of observers) observer.disconnect();
    observers.length = 0;
    observed = new WeakSet();
    clearTimeout(timer);
    timer = undefined;
  };

  /** Runs a DOM pass after `delay`, or sooner if one is already due sooner. */
  const schedule = (delay: number) => {
    if (!run) return;
    const due = Date.now() + delay;
    if (timer !== undefined && due >= timerDue) return;
    clearTimeout(timer);
    timerDue = due;
    const current = run;
    timer = setTimeout(() => {
      timer = undefined;
      if (run === current) domPass(current);
    }, delay);
  };

  /** Passes run at most once per interval, but a ticket that renders after a quiet spell is read at once. */
  const onMutation = () => {
    if (!run) return;
    run.mutatedSinceNavigation = true;
    const interval = run.passes < FAST_PASSES ? FAST_INTERVAL_MS : SLOW_INTERVAL_MS;
    schedule(Math.max(LEADING_DELAY_MS, lastPassAt + interval - Date.now()));
  };

  const watch = (target: Document | ShadowRoot) => {
    if (observed.has(target)) return;
    observed.add(target);
    const observer = new MutationObserver(onMutation);
    observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
    observers.push(observer);
  };

  const watchNested = (current: Run) => {
    // A frame that loads a new document (ServiceNow gsft_main) is read again, even after a confident result.
    for (const frame of Array.from(doc.querySelectorAll('iframe')).slice(0, 10)) {
      if (framesWithListener.has(frame)) continue;
      framesWithListener.add(frame);
      frame.addEventListener('load', onMutation, { signal });
    }
    if (current.adapter?.nestedRoots || !current.adapter) for (const root of nestedRoots(doc, 3000)) watch(root);
  };

  const stale = (current: Run, people: DetectedPerson[]): boolean => {
    if (current.previousEmails.length === 0) return false;
    const settled = current.mutatedSinceNavigation && Date.now() - current.navigatedAt >= SETTLE_MS;
    return !settled && people.some((p) => p.email && current.previousEmails.includes(p.email));
  };

  const report = (current: Run, pagePeople: DetectedPerson[], title: string | undefined) => {
    if (run !== current || stopped) return;
    const exclude = excluded();
    const usable = (people: DetectedPerson[]) => people.filter((p) => !p.email || !exclude.has(p.email));
    const fromApi = usable(current.apiPeople ?? []);
    const fromPage = usable(pagePeople);
    // Page results could still be the previous ticket's while the SPA re-renders: hold them back.
    if (fromApi.length === 0 && stale(current, fromPage)) {
      schedule(SETTLE_MS);
      return;
    }
    const rulePeople = fromPage.filter((p) => p.source === 'rule');
    const people = uniquePeople([...rulePeople, ...(fromApi.length > 0 ? fromApi : fromPage)]);
    // Every field is already sanitized and capped to the Detection schema's limits (the background validates it).
    emit({
      helpdesk: current.adapter?.id ?? 'generic',
      ticketId: current.ticketId,
      ticketUrl: current.url.href.slice(0, 2048),
      ...(title ? { ticketTitle: title } : {}),
      people,
    });
    const confident = people.some((p) => p.email && p.source !== 'generic');
    if (confident) stopWatching();
  };

  const domPass = (current: Run) => {
    if (run !== current || stopped) return;
    // While the page is still being parsed only an API answer with people is reported; the page
    // itself is read from DOMContentLoaded on (readPage), so a half-parsed ticket reports nobody.
    if (doc.readyState === 'loading' && !current.apiPeople?.length) return;
    lastPassAt = Date.now();
    current.passes++;
    const { adapter, url, ticketId } = current;
    const root = adapter?.activeRoot && ticketId ? adapter.activeRoot(doc, ticketId) : doc;
    const people = applyCustomRules(current.rules, doc, url);
    // The page is read only once the API has answered without people (the API is authoritative)
    // and the ticket's own container is rendered.
    if (root && !current.apiPending && !current.apiPeople?.length) {
      const fromDom = adapter ? adapter.fromDom(doc, url, root) : [];
      const fallback = fromDom.length === 0 && people.length === 0;
      people.push(...(fallback ? detectGeneric(root, { excludeEmails: excluded() }).people : fromDom));
    }
    if (!current.apiPending || people.length > 0) {
      report(current, people, cleanText(adapter?.ticketTitle?.(doc, root ?? undefined) ?? doc.title, 300));
    }
    if (observers.length > 0) watchNested(current);
    if (current.passes >= MAX_PASSES) stopWatching();
  };

  const runApi = async (current: Run, adapter: HelpdeskAdapter, ticketId: string, fetchJson: FetchJson) => {
    try {
      current.apiPeople = (await adapter.fromApi?.({ url: current.url, ticketId, fetchJson, pageValue: options.pageValue })) ?? null;
    } catch {
      current.apiPeople = null;
    }
    current.apiPending = false;
    if (run === current) domPass(current);
  };

  /** `askAgainIfNone`: an earlier ask found no address (it was made before the page was parsed). */
  const learnAgentEmail = (current: Run, adapter: HelpdeskAdapter, fetchJson: FetchJson, askAgainIfNone = false) => {
    const agentEmail = adapter.agentEmail;
    if (!agentEmail) return;
    const ask = () => agentEmail({ url: current.url, fetchJson, pageValue: options.pageValue }).catch(() => null);
    const known = agentEmails.get(current.url.origin);
    const pending = !known ? ask() : askAgainIfNone ? known.then((email) => email ?? ask()) : known;
    agentEmails.set(current.url.origin, pending);
    void pending.then((email) => {
      if (!email || learnedExclusions.has(email.toLowerCase())) return;
      learnedExclusions.add(email.toLowerCase());
      if (run === current) domPass(current);
    });
  };

  let lastHref = '';

  const detectAgain = () => {
    if (stopped) return;
    stopWatching();
    lastHref = options.url();
    let url: URL;
    try {
      url = new URL(lastHref);
    } catch {
      run = null;
      emit(null);
      return;
    }
    const adapter = adapterFor(url, options.helpdesk);
    const rules = rulesFor(options.customRules, url);
    const ticketId = ticketIdFor(url, doc, options.helpdesk);
    const loading = doc.readyState === 'loading';
    if (loading && !(adapter?.fromApi && ticketId)) {
      // Nothing to ask before the page is parsed (and some helpdesks name the ticket only in it).
      const href = lastHref;
      doc.addEventListener('DOMContentLoaded', () => lastHref === href && detectAgain(), { once: true, signal });
      return;
    }
    if (adapter && !ticketId && rules.length === 0) {
      // A known helpdesk, but not a ticket page: nothing beyond this URL check.
      run = null;
      emit(null);
      return;
    }
    const key = `${adapter?.id ?? 'generic'}|${ticketId ?? url.origin + url.pathname}`;
    const navigated = lastReportedEmails.length > 0 && lastReportedKey !== key;
    const current: Run = {
      url,
      adapter,
      ticketId: ticketId ? cleanText(ticketId, 120) ?? null : null,
      key,
      rules,
      apiPending: false,
      apiPeople: null,
      passes: 0,
      navigatedAt: navigated ? Date.now() : 0,
      mutatedSinceNavigation: !navigated,
      previousEmails: navigated ? lastReportedEmails : [],
    };
    run = current;
    if (current.ticketId) options.onTicketPage?.();
    if (lastDetection && lastDetection.ticketId !== current.ticketId) emit(null);
    // A ticket's API needs only the URL, so it is asked while the page is still loading: on a
    // helpdesk whose own scripts hold DOMContentLoaded back, the card need not wait for them.
    const fetchJson = options.fetchJson ?? createSameOriginFetchJson(url.origin, signal);
    if (adapter) learnAgentEmail(current, adapter, fetchJson);
    const askApi = () => {
      if (!adapter?.fromApi || !ticketId) return;
      current.apiPending = true;
      void runApi(current, adapter, ticketId, fetchJson);
    };
    askApi();
    const readPage = () => {
      if (run !== current || stopped) return;
      // Asked before the page was parsed, the API may have lacked what the page defines (ServiceNow's
      // g_ck session token): without an answer then, the ticket and the agent are asked once more.
      if (loading && !current.apiPending && current.apiPeople === null) askApi();
      if (loading && adapter) learnAgentEmail(current, adapter, fetchJson, true);
      watch(doc);
      watchNested(current);
      domPass(current);
    };
    if (loading) doc.addEventListener('DOMContentLoaded', readPage, { once: true, signal });
    else readPage();
  };

  /**
   * The Navigation API's navigate event (behind WXT's wxt:locationchange) fires before a pushState
   * commits its URL, so the URL is read again once the page's own script has finished.
   */
  const rerun = () => {
    detectAgain();
    setTimeout(() => {
      if (!stopped && options.url() !== lastHref) detectAgain();
    }, 0);
  };

  const stop = () => {
    stopped = true;
    run = null;
    stopWatching();
  };

  signal.addEventListener('abort', stop, { once: true });
  if (!signal.aborted) detectAgain();
  return { rerun, stop };
}
