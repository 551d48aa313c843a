import { cssString } from './dom';

/** Attributes that name an element for tests or accessibility, most stable first. */
const STABLE_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-cy', 'data-qa', 'data-field', 'name', 'aria-label', 'for', 'title', 'placeholder', 'type', 'role'];
const MAX_DEPTH = 30;

/** Ids and classes produced by frameworks at render time: they change between page loads. */
export function isGeneratedToken(token: string): boolean {
  return (
    token.length > 40 ||
    /\d{3,}/.test(token) ||
    /[:]/.test(token) ||
    /^(ember|ext-gen|yui_|react-|mui-|radix-|headlessui-|jss|sc-|css-|emotion-|svelte-)/i.test(token) ||
    /^_/.test(token) ||
    (/[_-][a-z0-9]{5,}$/i.test(token) && /\d/.test(token.split(/[_-]/).pop() ?? '')) ||
    /^[0-9a-f]{8,}$/i.test(token) ||
    /^\d/.test(token)
  );
}

function escapeIdent(value: string): string {
  return value.replace(/^(\d)/, '\\3$1 ').replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/** Selectors for `el` alone, from stable attributes, a stable id or stable classes, best first. */
function ownSelectors(el: Element): string[] {
  const tag = el.tagName.toLowerCase();
  const out: string[] = [];
  const id = el.getAttribute('id');
  if (id && !isGeneratedToken(id)) out.push(`#${escapeIdent(id)}`);
  for (const attr of STABLE_ATTRIBUTES) {
    const value = el.getAttribute(attr);
    if (value && value.length <= 80 && !/\d{4,}/.test(value) && !(attr === 'name' && isGeneratedToken(value))) {
      out.push(`${tag}[${attr}=${cssString(value)}]`);
    }
  }
  const classes = Array.from(el.classList).filter((c) => !isGeneratedToken(c)).slice(0, 3);
  if (classes.length > 0) out.push(`${tag}.${classes.map(escapeIdent).join('.')}`);
  return out;
}

function indexOfType(el: Element): number {
  let index = 1;
  for (let sibling = el.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.tagName === el.tagName) index++;
  }
  return index;
}

function selectsOnly(root: ParentNode, selector: string, el: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/**
 * A CSS selector that selects `el` and nothing else in its document, built from stable hooks
 * (test ids, aria-label, name, label structure, stable classes) and never from generated ids or
 * hashed class names. First an element's own stable selector, scoped by the nearest stable ancestor
 * when needed; positional `:nth-of-type` steps only where nothing stable is unique. Null when no
 * unique selector can be built.
 */
export function buildRobustSelector(el: Element): string | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  const ancestors: Element[] = [];
  for (let a: Element | null = el; a && ancestors.length < MAX_DEPTH; a = a.parentElement) ancestors.push(a);

  const target = ownSelectors(el)[0] ?? el.tagName.toLowerCase();
  for (const [depth, ancestor] of ancestors.entries()) {
    for (const step of ownSelectors(ancestor)) {
      const candidate = depth === 0 ? step : `${step} ${target}`;
      if (selectsOnly(root, candidate, el)) return candidate;
    }
  }

  // Nothing stable is unique: pin the path from el upwards by position, anchored where possible.
  const below: string[] = [];
  for (const ancestor of ancestors) {
    const own = ownSelectors(ancestor)[0];
    const pinned = `${own ?? ancestor.tagName.toLowerCase()}:nth-of-type(${indexOfType(ancestor)})`;
    for (const step of own ? [own, pinned] : [pinned]) {
      const chain = [step, ...below].join(' > ');
      if (selectsOnly(root, chain, el)) return chain;
    }
    below.unshift(pinned);
  }
  return null;
}
