import { pickedUrlPattern } from '@/lib/detect/picked-url-pattern';
import { buildRobustSelector } from '@/lib/detect/robust-selector';
import { emailsIn } from '@/lib/detect/text';

export interface PickedRule {
  selector: string;
  urlPattern: string;
}

const HINT = "Click the requester's email or name — Esc cancels";
const NO_EMAIL_HINT = `No email address there. ${HINT}`;
/** Matches the background's arming: a pick after that would be refused anyway. */
const PICK_MODE_MS = 2 * 60 * 1000;
/** How many ancestors of the clicked element may hold the email (a name inside a cell that has the address). */
const ANCESTOR_STEPS = 3;
const BLOCKED_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick'] as const;

/** Above the page, below the panel (2147483646), so the outline never covers Deskside itself. */
const STYLE = `
:host { all: initial; }
.box { position: fixed; pointer-events: none; z-index: 2147483645; border: 2px solid #2563eb; background: rgba(37, 99, 235, 0.12); border-radius: 3px; display: none; }
.hint { position: fixed; pointer-events: none; z-index: 2147483645; top: 12px; left: 50%; transform: translateX(-50%); padding: 8px 14px; border-radius: 6px; background: #1e293b; color: #fff; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); }
`;

/** Longer text is a section of the page, not a person's email or name. */
const MAX_PICK_TEXT = 300;

function hasEmail(el: Element): boolean {
  const text = el.textContent ?? '';
  return text.length <= MAX_PICK_TEXT && emailsIn(`${text} ${el.getAttribute('href') ?? ''}`, 1).length > 0;
}

/** The clicked element, or the nearest ancestor within a few steps, that names an email, with a selector for it. */
function ruleFor(clicked: Element): PickedRule | null {
  let el: Element | null = clicked;
  for (let step = 0; el && el !== document.body && step <= ANCESTOR_STEPS; step++, el = el.parentElement) {
    if (!hasEmail(el)) continue;
    const selector = buildRobustSelector(el);
    const selected = selector ? document.querySelector(selector) : null;
    if (selector && selected && hasEmail(selected)) return { selector, urlPattern: pickedUrlPattern(new URL(location.href)) };
  }
  return null;
}

/**
 * Pick mode: outlines the hovered element and waits for one real click, which the page never sees.
 * The outline and hint live in our own closed shadow root; page elements are not restyled.
 * `onPick` gets the picked rule; Esc, the time limit or the returned function ends pick mode without one.
 */
export function startPicker(onPick: (rule: PickedRule) => void): () => void {
  const host = document.createElement('deskside-picker');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.className = 'box';
  const hint = document.createElement('div');
  hint.className = 'hint';
  hint.setAttribute('role', 'status');
  hint.textContent = HINT;
  shadow.append(style, box, hint);
  document.documentElement.append(host);
  // The agent just clicked in the panel's frame: bring the keyboard to the page so Esc reaches us.
  hint.tabIndex = -1;
  hint.focus({ preventScroll: true });

  const controller = new AbortController();
  const listen = { capture: true, signal: controller.signal };
  const stop = () => {
    controller.abort();
    clearTimeout(timer);
    host.remove();
  };
  const timer = setTimeout(stop, PICK_MODE_MS);
  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  window.addEventListener('mousemove', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target === host) return;
    const rect = target.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
  }, listen);
  for (const type of BLOCKED_EVENTS) window.addEventListener(type, swallow, listen);
  window.addEventListener('click', (event) => {
    swallow(event);
    // A page script's synthetic click must not choose what is saved.
    if (!event.isTrusted || !(event.target instanceof Element)) return;
    const rule = ruleFor(event.target);
    if (!rule) {
      hint.textContent = NO_EMAIL_HINT;
      return;
    }
    stop();
    onPick(rule);
  }, listen);
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    swallow(event);
    stop();
  }, listen);
  return stop;
}
