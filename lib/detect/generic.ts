import { frameDocument, textOf, valueOf } from './dom';
import { labelMeaning, MAX_LABEL_LENGTH } from './labels';
import { person, uniquePeople } from './person';
import { emailsIn, MAX_NAME, parseNameAndEmail } from './text';
import type { DetectedPerson, PersonRole } from './types';

/** Attribute set by the content script on its own UI host; detection never looks inside it. */
export const DESKSIDE_HOST_ATTRIBUTE = 'data-deskside-host';

export interface GenericOptions {
  /** Addresses never returned (the agent's own, the Okta admin's). Compared case-insensitively. */
  excludeEmails?: Iterable<string>;
  /** Most DOM nodes visited, across the document, its open shadow roots and same-origin iframes. */
  nodeBudget?: number;
  maxPeople?: number;
}

export interface GenericResult {
  people: DetectedPerson[];
  visitedNodes: number;
  /** True when the node budget ran out before the whole page was read. */
  truncated: boolean;
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'BLOCKQUOTE', 'TEXTAREA', 'HEAD']);
const EMAIL_ATTRIBUTES = new Set(['title', 'aria-label', 'value', 'alt', 'data-email', 'data-address', 'email']);
const MAILBOX_NAMES = /^(no-?reply|do-?not-?reply|support|help|helpdesk|service-?desk|it|admin|info|notifications?|mailer-daemon|postmaster|tickets?)@/;
const CHROME_AREAS = 'header, nav, footer, [role="navigation"], [role="banner"]';
/** "Signed in as Sam Taylor": the account menu of the agent using the helpdesk. */
const SIGNED_IN = /^\s*(signed|logged) in as\b/i;
const MAX_LABELS = 40;
const MAX_ATTRIBUTES = 30;

interface Candidate {
  email?: string;
  name?: string;
  role: PersonRole;
  /** Score of the strongest sighting; each further sighting adds REPEAT_BONUS, up to MAX_REPEAT_BONUS. */
  best: number;
  /** Seen next to a requester-side label ("Requested by", "Caller", …). */
  labelled: boolean;
  repeats: number;
  order: number;
}

const REPEAT_BONUS = 3;
const MAX_REPEAT_BONUS = 15;
const score = (c: Candidate) => c.best + Math.min(MAX_REPEAT_BONUS, c.repeats * REPEAT_BONUS);

/** Ranks the people on an unknown page by label proximity, mailto links, attributes and text. */
export function detectGeneric(root: Document | Element | ShadowRoot, options: GenericOptions = {}): GenericResult {
  const exclude = new Set(Array.from(options.excludeEmails ?? [], (e) => e.toLowerCase()));
  const budget = options.nodeBudget ?? 20_000;
  const candidates = new Map<string, Candidate>();
  const labels: { el: Element; role: PersonRole; weight: number; staff: boolean }[] = [];
  /** Addresses named as the helpdesk's own people; dropped unless a requester-side label names them too. */
  const staff = new Set<string>();
  let order = 0;

  const add = (email: string | undefined, name: string | undefined, role: PersonRole, weight: number, context?: Element, labelled = false) => {
    if (email && exclude.has(email)) return;
    const key = email ?? `name:${name?.toLowerCase()}`;
    if (!email && !name) return;
    let adjusted = weight;
    if (email && MAILBOX_NAMES.test(email)) adjusted -= 40;
    if (context?.closest(CHROME_AREAS)) adjusted -= 15;
    const existing = candidates.get(key);
    if (!existing) {
      candidates.set(key, { email, name, role, best: adjusted, labelled, repeats: 0, order: order++ });
      return;
    }
    existing.repeats++;
    existing.labelled ||= labelled;
    if (adjusted > existing.best) Object.assign(existing, { role, best: adjusted });
    existing.name ??= name;
  };

  const visitAttributes = (el: Element) => {
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length && i < MAX_ATTRIBUTES; i++) {
      const attr = attrs[i]!;
      const value = attr.value;
      if (value.length > 500 || !value.includes('@')) continue;
      if (attr.name === 'href') {
        if (!/^mailto:/i.test(value)) continue;
        const linkText = textOf(el, 200);
        for (const email of emailsIn(decodeSafely(value.slice(7).split('?')[0] ?? ''), 5)) {
          add(email, linkText && !linkText.includes('@') ? linkText : undefined, 'candidate', 30, el);
        }
      } else if (EMAIL_ATTRIBUTES.has(attr.name) || attr.name.startsWith('data-')) {
        const parsed = parseNameAndEmail(value);
        for (const email of emailsIn(value, 5)) add(email, parsed.email === email ? parsed.name : undefined, 'candidate', 20, el);
      }
    }
    if (el.tagName === 'INPUT') {
      const live = valueOf(el);
      if (live?.includes('@') && live.length <= 500) for (const email of emailsIn(live, 5)) add(email, undefined, 'candidate', 20, el);
    }
  };

  const visitText = (node: Text) => {
    const text = node.data;
    if (text.length > 5000) return;
    const parent = node.parentElement;
    if (parent && SIGNED_IN.test(text)) {
      for (const email of emailsIn([text, ...Array.from(parent.attributes, (attr) => attr.value)].join(' '), 3)) staff.add(email);
    }
    if (text.includes('@')) {
      const parsed = parseNameAndEmail(text.length <= MAX_NAME + 80 ? text : '');
      for (const email of emailsIn(text, 10)) {
        add(email, parsed.email === email && parsed.name && parsed.name.length <= 80 ? parsed.name : undefined, 'candidate', 10, parent ?? undefined);
      }
    } else if (parent && labels.length < MAX_LABELS && text.length < MAX_LABEL_LENGTH * 2) {
      const meaning = labelMeaning(text.trim());
      if (meaning) labels.push({ el: parent, ...meaning });
    }
  };

  const pending: (Document | Element | ShadowRoot)[] = [root];
  let visited = 0;
  while (pending.length > 0 && visited < budget) {
    const start = pending.shift()!;
    const doc = start.nodeType === 9 ? (start as Document) : start.ownerDocument!;
    const walker = doc.createTreeWalker(start, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
    let node: Node | null = walker.nextNode();
    while (node && visited < budget) {
      visited++;
      if (node.nodeType === 3) {
        visitText(node as Text);
        node = walker.nextNode();
        continue;
      }
      const el = node as Element;
      if (SKIPPED_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute(DESKSIDE_HOST_ATTRIBUTE) || el.getAttribute('contenteditable') === 'true') {
        node = nextOutside(walker);
        continue;
      }
      visitAttributes(el);
      if (el.shadowRoot) pending.push(el.shadowRoot);
      const inner = frameDocument(el);
      if (inner) pending.push(inner);
      node = walker.nextNode();
    }
  }

  for (const label of labels) {
    for (const found of valueNextToLabel(label.el)) {
      if (label.staff) {
        if (found.email) staff.add(found.email);
      } else {
        add(found.email, found.name, label.role, label.weight, label.el, true);
      }
    }
  }

  const ranked = [...candidates.values()]
    .filter((c) => !c.email || c.labelled || !staff.has(c.email))
    .sort((a, b) => score(b) - score(a) || a.order - b.order);
  const people = uniquePeople(
    ranked.map((c) => person(c.role, 'generic', c.email, c.name)),
    options.maxPeople ?? 10,
  );
  return { people, visitedNodes: visited, truncated: visited >= budget };
}

/** The elements that hold a label's value: label[for], th→td, dt→dd, next siblings, aria-labelledby. */
function valueElements(label: Element): Element[] {
  const out: Element[] = [];
  const doc = label.ownerDocument;
  const labelFor = label.closest('label')?.getAttribute('for');
  if (labelFor) {
    const control = doc.getElementById(labelFor);
    if (control) out.push(control);
  }
  const cell = label.closest('th, td, dt');
  if (cell) {
    let next = cell.nextElementSibling;
    for (let i = 0; next && i < 3; i++, next = next.nextElementSibling) out.push(next);
  }
  let sibling = label.nextElementSibling;
  for (let i = 0; sibling && i < 2; i++, sibling = sibling.nextElementSibling) out.push(sibling);
  const parentNext = label.parentElement?.nextElementSibling;
  if (parentNext) out.push(parentNext);
  if (label.id) {
    const described = doc.querySelector(`[aria-labelledby~="${label.id.replace(/["\\]/g, '')}"]`);
    if (described) out.push(described);
  }
  return out.slice(0, 6);
}

function valueNextToLabel(label: Element): { email?: string; name?: string }[] {
  let name: string | undefined;
  for (const el of valueElements(label)) {
    if (opensField(el)) break;
    if (holdsAnotherLabel(el)) continue;
    const found = readPersonFrom(el);
    const withEmail = found.filter((f) => f.email);
    if (withEmail.length > 0) return withEmail.map((f, i) => (i === 0 ? { ...f, name: f.name ?? name } : f));
    name ??= found[0]?.name;
  }
  return name ? [{ name }] : [];
}

/** True when `el` is itself the label of another field (the next `dt`, `th` or label). */
function opensField(el: Element): boolean {
  return !!labelMeaning(textOf(el, MAX_LABEL_LENGTH) ?? '')?.opensField;
}

/** True when `el` is the next field (it carries a label of its own), so it does not belong to this label. */
function holdsAnotherLabel(el: Element): boolean {
  return [el.querySelector('label, dt, th, [class*="label" i]'), el.firstElementChild].some(
    (candidate) => candidate && labelMeaning(textOf(candidate, MAX_LABEL_LENGTH) ?? '')?.opensField,
  );
}

/** Email(s) and a name from a small value element: its text, value and email-bearing attributes. */
function readPersonFrom(el: Element): { email?: string; name?: string }[] {
  const text = textOf(el, 500);
  // textOf gives undefined for empty and for too large elements; a large one is not a field value.
  if (text === undefined && hasText(el)) return [];
  const pieces = [text ?? '', valueOf(el) ?? ''];
  const inner = [el, ...Array.from(el.querySelectorAll('a[href^="mailto:" i], [title*="@"], [aria-label*="@"], input, option[selected]')).slice(0, 10)];
  for (const item of inner) {
    for (const attr of ['href', 'title', 'aria-label', 'value', 'data-email']) {
      const value = item.getAttribute(attr);
      if (value?.includes('@')) pieces.push(attr === 'href' ? decodeSafely(value.replace(/^mailto:/i, '')) : value);
    }
    if (item.tagName === 'OPTION' || item.tagName === 'INPUT') pieces.push(textOf(item, 300) ?? '', valueOf(item) ?? '');
  }
  const emails = emailsIn(pieces.join(' \n '), 3);
  const inputs = [el, ...Array.from(el.querySelectorAll('input:not([type="hidden"])')).slice(0, 3)];
  const names = [text, ...inputs.map(valueOf)].map((t) => (t ? parseNameAndEmail(t).name : undefined));
  const plainName = names.find((n) => n && n.length <= 80 && !labelMeaning(n));
  if (emails.length === 0) return plainName ? [{ name: plainName }] : [];
  return emails.map((email, i) => ({ email, name: i === 0 ? plainName : undefined }));
}

function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.trim() !== '') return true;
  return false;
}

function nextOutside(walker: TreeWalker): Node | null {
  while (!walker.nextSibling()) {
    if (!walker.parentNode()) return null;
  }
  return walker.currentNode;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
