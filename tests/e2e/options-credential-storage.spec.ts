import { expect, FAKE_TOKEN, test } from './fixtures';
import { evaluateInContentScript } from '../support/content-world';
import { serveHelpdesk, ZENDESK_TICKET_123 } from '../support/helpdesk-routes';
import { panelFrame } from '../support/panel';

test('no storage area a content script can reach holds the credential, and its IndexedDB record is not plaintext', async ({ context, extensionId, openExtensionPage, connect }) => {
  await connect();
  await serveHelpdesk(context, ZENDESK_TICKET_123);
  const ticket = await context.newPage();
  await ticket.goto('https://acme.zendesk.com/agent/tickets/123');
  await panelFrame(ticket); // the content script is running

  const seen = await evaluateInContentScript<Record<string, string>>(
    ticket,
    extensionId,
    `(async () => {
      const read = async (area) => {
        try { return JSON.stringify(await chrome.storage[area].get(null)); }
        catch (e) { return 'refused: ' + e.message; }
      };
      return { local: await read('local'), sync: await read('sync'), session: await read('session') };
    })()`,
  );
  // The content script does read settings from storage.local, so that area is reachable: it must hold no secret.
  expect(seen.local).toContain('"settings"');
  for (const [area, text] of Object.entries(seen)) {
    expect(text, `storage.${area}`).not.toContain(FAKE_TOKEN);
    expect(text, `storage.${area}`).not.toMatch(/"(token|accessToken|refreshToken|apiToken)"/);
  }
  // storage.session stays at its default access level: trusted contexts only.
  expect(seen.session).toMatch(/^refused/);

  const options = await openExtensionPage('options.html');
  const record = await options.evaluate(
    () =>
      new Promise<{ stores: string[]; bytes: number[]; origin: string }>((resolve, reject) => {
        const open = indexedDB.open('deskside-secrets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('secrets').objectStore('secrets').getAll();
          get.onsuccess = () => {
            const [entry] = get.result as { ciphertext: ArrayBuffer; origin: string }[];
            resolve({ stores: [...db.objectStoreNames], bytes: [...new Uint8Array(entry!.ciphertext)], origin: entry!.origin });
          };
        };
      }),
  );
  expect(record.stores).toEqual(['keys', 'secrets']);
  const ciphertext = Buffer.from(record.bytes);
  expect(ciphertext.length).toBeGreaterThan(FAKE_TOKEN.length);
  expect(ciphertext.includes(Buffer.from(FAKE_TOKEN))).toBe(false);
  expect(ciphertext.includes(Buffer.from('ssws'))).toBe(false);
  // The page never shows the saved token either.
  await options.getByLabel(/API token \(legacy/).check();
  await expect(options.getByLabel('API token', { exact: true })).toHaveValue('');
  expect(await options.content()).not.toContain(FAKE_TOKEN);
});
