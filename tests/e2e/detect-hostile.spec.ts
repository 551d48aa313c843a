import { expect, test } from './fixtures';
import { helpdeskFixture, serveHelpdeskFixture } from '../support/helpdesk-fixture';
import { serveHtml } from '../support/helpdesk-routes';
import { panelFrame } from '../support/panel';
import { FIXTURE_PEOPLE, seedPeople } from '../support/seed-people';

// Pages no adapter reads, served at Kayako ticket URLs (a built-in host), so the generic detector reads them.

test('a requester name holding markup and script is shown as text: nothing injected, nothing run', async ({ context, connect }) => {
  await connect();
  const url = 'https://acme.kayako.com/agent/conversations/666';
  await serveHelpdeskFixture(context, { ...helpdeskFixture('generic/hostile-names.html'), url });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('not-in-okta')).toContainText('eve.evil@example.com');
  // The page's name, markup and all, appears only as text: in the person switcher and as the suggested search.
  await expect(panel.getByRole('radio', { name: /Requester: .*onerror.*Evil Eve/ })).toBeVisible();
  await expect(panel.getByLabel('Search the directory')).toHaveValue(/Evil Eve/);

  const inPanel = await panel.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: boolean }).__pwned === true,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    images: document.querySelectorAll('img').length,
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
  }));
  expect(inPanel).toEqual({ pwned: false, handlers: 0, images: 0, inlineScripts: 0 });
  expect(dialogs).toEqual([]);
  // The quoted fake "Requester:" line in the thread was not taken.
  await expect(panel.getByText('mallory.fake@example.com')).toHaveCount(0);
});

/** 500 addresses in a table, about 50,000 elements, one labelled requester, and a button to prove the page still answers. */
function hugePage(): string {
  const rows: string[] = [];
  for (let i = 0; i < 500; i++) rows.push(`<tr><td>Watcher ${i}</td><td>watcher.${i}@example.org</td><td><span>cc</span></td></tr>`);
  const filler: string[] = [];
  for (let i = 0; i < 9_500; i++) filler.push(`<div class="c"><span>item ${i}</span><i>·</i><b>${i % 7}</b><em>x</em></div>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Ticket 777</title></head><body>
<button id="ping" onclick="window.__clicked = (window.__clicked || 0) + 1">Ping</button>
<table class="fields"><tr><th>Requester</th><td>Grace Hansen &lt;grace.hansen@example.com&gt;</td></tr></table>
<table class="watchers">${rows.join('')}</table>
<section>${filler.join('')}</section>
</body></html>`;
}

test('a page with 500 addresses and a 50,000-node DOM is read without freezing it', async ({ context, okta, connect }) => {
  await seedPeople(okta, FIXTURE_PEOPLE);
  await connect();
  const url = 'https://acme.kayako.com/agent/conversations/777';
  await serveHtml(context, url, hugePage());
  await context.addInitScript(() => {
    const longest = { ms: 0 };
    (window as unknown as { __longestTask: typeof longest }).__longestTask = longest;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(url);
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(50_000);

  const panel = await panelFrame(page);
  await expect(panel.getByTestId('user-name')).toHaveText('Grace Hansen');
  await page.click('#ping');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __clicked?: number }).__clicked ?? 0)).toBe(1);

  const longestTask = await page.evaluate(() => (window as unknown as { __longestTask: { ms: number } }).__longestTask.ms);
  test.info().annotations.push({ type: 'longest main-thread task on the page (ms)', description: String(Math.round(longestTask)) });
});
