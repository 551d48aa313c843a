import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { panelFirstPaint } from './build-plugins/panel-first-paint';

// Chrome and Firefox both get MV3: WXT's Firefox default (MV2) would drop optional_host_permissions.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact(), panelFirstPaint()] }),
  manifest: ({ browser }) => ({
    name: 'Deskside — Okta on every ticket',
    short_name: 'Deskside',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    action: { default_title: 'Deskside: look up a person in Okta', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+K', mac: 'Alt+Shift+K' }, description: 'Open the Deskside quick lookup' } },
    description: 'See and fix the requester’s Okta account from any helpdesk ticket.',
    storage: { managed_schema: 'managed-schema.json' },
    permissions: ['storage', 'alarms', 'contextMenus', 'scripting', 'identity'],
    host_permissions: ['https://*.okta.com/*', 'https://*.oktapreview.com/*', 'https://*.okta-emea.com/*', 'https://*.okta-gov.com/*', 'https://*.okta.mil/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Self-hosted helpdesks live on any host the admin adds, so the panel must be embeddable there
    // too. A page that embeds panel.html itself gets nothing: the background hands a tab's context
    // only to the frame whose nonce our content script registered (lib/background/handlers/core.ts).
    web_accessible_resources: [
      {
        resources: ['panel.html', 'page-bridge.js'],
        matches: ['https://*/*', 'http://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'deskside@deskside.dev', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});
