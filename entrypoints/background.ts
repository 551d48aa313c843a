import '@/lib/zod-setup';
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { forgetClosedTabs } from '@/lib/background/detections';
import { coreHandlers } from '@/lib/background/handlers/core';
import { connectionHandlers } from '@/lib/background/handlers/connection';
import { enabledHelpdeskPatterns } from '@/lib/background/helpdesk-hosts';
import { createBackgroundServices } from '@/lib/background/services';
import { registerRouter } from '@/lib/messaging/router';
import { loadSettings } from '@/lib/settings/store';

// Wiring only: every listener is registered synchronously so a woken worker hears its event.
export default defineBackground(() => {
  const services = createBackgroundServices();
  registerRouter({
    handlers: { ...coreHandlers(services), ...connectionHandlers(services) },
    policy: async () => ({ extensionId: browser.runtime.id, enabledHelpdeskPatterns: enabledHelpdeskPatterns(await loadSettings()) }),
    onRefused: (name, reason) => console.warn(`Deskside refused "${name}": ${reason}`),
  });
  forgetClosedTabs();
});
