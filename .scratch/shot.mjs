import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const [w, name] of [[360, 'phone'], [1280, 'desktop']]) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`http://localhost:8765${process.argv[2]}`);
  const table = page.locator('.report-text table').first();
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  console.log(name, 'horizontal overflow:', overflow, 'console errors:', errors);
}
await browser.close();
