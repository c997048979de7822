import { launchBrowser } from './tests/support/browser.ts';
const [base, ...pages] = process.argv.slice(2);
const browser = await launchBrowser();
for (const [w, h] of [[360, 780], [1280, 800]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  for (const spec of pages) {
    const [path, name, selector] = spec.split('|');
    await page.goto(base + path);
    if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
    if (selector) await page.evaluate((s) => document.querySelector(s)!.scrollIntoView({ block: 'start' }), selector);
    await page.screenshot({ path: `/tmp/disclosure-shots/${name}-${w}.png` });
  }
  await page.close();
}
await browser.close();
