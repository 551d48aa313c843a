import { defineUnlistedScript } from '#imports';
import { PAGE_VALUE_REPLY, PAGE_VALUE_REQUEST, READABLE_PAGE_VALUES, type PageValueRequest } from '@/lib/detect/page-bridge-protocol';

// Runs in the page's MAIN world: answers requests for a few whitelisted page globals (ServiceNow `g_ck`).
export default defineUnlistedScript(() => {
  window.addEventListener(PAGE_VALUE_REQUEST, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    let request: Partial<PageValueRequest>;
    try {
      request = JSON.parse(detail) as Partial<PageValueRequest>;
    } catch {
      return;
    }
    if (typeof request.id !== 'string' || !(READABLE_PAGE_VALUES as readonly string[]).includes(request.name ?? '')) return;
    const raw = (window as unknown as Record<string, unknown>)[request.name!];
    const value = typeof raw === 'string' ? raw : null;
    window.dispatchEvent(new CustomEvent(PAGE_VALUE_REPLY, { detail: JSON.stringify({ id: request.id, value }) }));
  });
});
