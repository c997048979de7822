import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './server.ts';

/** A built site served on loopback and a Chromium to look at it, for one describe block. */
export interface ServedSite {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/** Starts both before the block's tests and closes both after them. */
export function useServedSite(site: { dir: string; base: string }): ServedSite {
  const live = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    live.server = await serveStatic(site.dir, site.base);
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.close();
  });
  return live;
}
