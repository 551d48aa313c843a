import '@/lib/zod-setup';
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { forgetClosedTabs } from '@/lib/background/detections';
import { connectionHandlers } from '@/lib/background/handlers/connection';
import { coreHandlers } from '@/lib/background/handlers/core';
import { directoryHandlers } from '@/lib/background/handlers/directory';
import { settingsHandlers } from '@/lib/background/handlers/settings';
import { actionHandlers, auditRefusal } from '@/lib/background/handlers/actions';
import { pickerHandlers } from '@/lib/background/handlers/picker';
import { createLookupMenu, onLookupMenuClicked } from '@/lib/background/context-menu';
import { reconcileSelfHosted } from '@/lib/background/content-script-registration';
import { createPanelContexts } from '@/lib/background/panel-contexts';
import { servePanelDocuments } from '@/lib/background/panel-document';
import { senderClassifier } from '@/lib/background/sender-policy';
import { createBackgroundServices } from '@/lib/background/services';
import { registerRouter } from '@/lib/messaging/router';
import { loadSettings } from '@/lib/settings/store';

// Wiring only: every listener is registered synchronously so a woken worker hears its event.
export default defineBackground(() => {
  const services = createBackgroundServices();
  const panels = createPanelContexts(services);
  registerRouter({
    handlers: { ...coreHandlers(services, panels), ...connectionHandlers(services), ...directoryHandlers(services), ...settingsHandlers(services), ...actionHandlers(services), ...pickerHandlers(auditRefusal(services)) },
    classify: senderClassifier(services.settings),
    onRefused: auditRefusal(services),
    onInteractive: services.directory.agentReading,
  });
  servePanelDocuments(panels, services.settings);
  browser.alarms.onAlarm.addListener((alarm) => void services.directory.onAlarm(alarm));
  forgetClosedTabs();
  browser.runtime.onInstalled.addListener(createLookupMenu);
  browser.contextMenus.onClicked.addListener(onLookupMenuClicked);
  // Self-hosted helpdesks: registrations follow the settings and the host permissions the admin granted.
  const reconcile = () => void loadSettings().then((s) => reconcileSelfHosted(s.selfHosted));
  browser.permissions.onAdded.addListener(reconcile);
  browser.permissions.onRemoved.addListener(reconcile);
  reconcile();
  // Alarms are kept when they already match; a worker stopped mid-sync continues from its checkpoint.
  void services.status().then(async (status) => {
    if (status.connected) await services.directory.schedule();
  });
  void services.directory.resumePending();
});
