// Renders public/icon/*.png from the SVG below with the system Chromium: `npx tsx scripts/make-icons.ts`.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { findChromium } from '../tests/support/chromium';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#1c5fd4"/>
  <rect x="78" y="22" width="30" height="84" rx="8" fill="#ffffff" opacity="0.9"/>
  <circle cx="46" cy="52" r="17" fill="none" stroke="#ffffff" stroke-width="9"/>
  <path d="M20 104c4-18 14-27 26-27s22 9 26 27" fill="none" stroke="#ffffff" stroke-width="9" stroke-linecap="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true }));
}
await browser.close();
