import type { PageValue } from './adapter';
import { PAGE_VALUE_REPLY, PAGE_VALUE_REQUEST, READABLE_PAGE_VALUES, type PageValueReply } from './page-bridge-protocol';

const TIMEOUT_MS = 1500;

/**
 * `pageValue` for adapters, answered by the MAIN-world bridge script that the content script injects.
 * Details travel as JSON strings so they cross the isolated-world boundary in every browser. The
 * page can read and forge these events, so values are only ever sent back to the page's own origin.
 */
export function createPageValueReader(win: Window = window): PageValue {
  return (name) =>
    new Promise((resolve) => {
      if (!(READABLE_PAGE_VALUES as readonly string[]).includes(name)) return resolve(null);
      const id = Math.random().toString(36).slice(2);
      const finish = (value: string | null) => {
        win.removeEventListener(PAGE_VALUE_REPLY, onReply);
        clearTimeout(timer);
        resolve(value);
      };
      const onReply = (event: Event) => {
        const detail = (event as CustomEvent<unknown>).detail;
        if (typeof detail !== 'string') return;
        try {
          const reply = JSON.parse(detail) as Partial<PageValueReply>;
          if (reply.id === id) finish(typeof reply.value === 'string' ? reply.value.slice(0, 200) : null);
        } catch {
          // Not ours.
        }
      };
      const timer = setTimeout(() => finish(null), TIMEOUT_MS);
      win.addEventListener(PAGE_VALUE_REPLY, onReply);
      win.dispatchEvent(new CustomEvent(PAGE_VALUE_REQUEST, { detail: JSON.stringify({ id, name }) }));
    });
}
