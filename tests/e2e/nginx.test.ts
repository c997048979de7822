// The shipped nginx configuration (deploy/nginx/), run for real over the test builds: headers
// on every kind of response, content types, precompressed files, cache rules, errors and
// redirects, the sub-path build, and a page on another origin that tries to frame the portal.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_DIR, headerSnippets, startNginx, testShippedConfig, type RunningNginx } from '../../src/publishing/nginx.ts';
import { HEADER_CSP, PAGE_CSP, SECURITY_HEADERS } from '../../src/render/security-policy.ts';
import { launchBrowser } from '../support/browser.ts';
import { get, type RawResponse } from '../support/http.ts';
import { crawl, references } from '../support/links.ts';
import { TEST_SITES } from '../support/site.ts';

const YEAR = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const BOTH = { 'accept-encoding': 'br, gzip' };

/** The site's files, as paths under the base ('_astro/x.css'). */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

function expectSecurityHeaders(response: RawResponse, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers[name.toLowerCase()], `${what}: ${name}`).toBe(value);
  }
}

describe('the shipped configuration', () => {
  it('passes nginx -t as shipped', async () => {
    const { ok, output } = await testShippedConfig();
    expect(output).toContain('test is successful');
    expect(ok).toBe(true);
  });

  it('its generated snippets are what npm run nginx:config writes from the security policy', () => {
    for (const [name, text] of Object.entries(headerSnippets())) {
      expect(readFileSync(join(DEPLOY_DIR, 'snippets', name), 'utf8'), `deploy/nginx/snippets/${name} is stale: run npm run nginx:config`).toBe(text);
    }
  });

  it('the header CSP is the pages\' meta CSP plus what only a header can do', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(join(TEST_SITES.root.dir, 'index.html'), 'utf8'))?.[1];
    expect(meta?.replaceAll('&#39;', "'")).toBe(PAGE_CSP);
    const directives = HEADER_CSP.split('; ');
    expect(directives).toEqual(expect.arrayContaining([...PAGE_CSP.split('; '), "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"]));
    expect(PAGE_CSP).not.toContain('frame-ancestors');
  });
});

describe('nginx over the root build', () => {
  const site = TEST_SITES.root;
  let server: RunningNginx;
  const all = files(site.dir);
  const first = (pattern: RegExp) => {
    const found = all.find((f) => pattern.test(f));
    if (!found) throw new Error(`no file matching ${pattern} in the build`);
    return found;
  };
  beforeAll(async () => {
    server = await startNginx(site.dir, site.base);
  });
  afterAll(() => server?.close());

  it('security headers on pages, files, redirects, 404s and 304s', async () => {
    const page = await get(server.url);
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, 'page');
    expectSecurityHeaders(await get(`${server.url}${first(/^_astro\/.+\.css$/)}`, BOTH), 'stylesheet');
    const redirect = await get(`${server.url}reports`);
    expect(redirect.status).toBe(301);
    expectSecurityHeaders(redirect, 'redirect');
    const missing = await get(`${server.url}no-such-page/`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing, '404');
    const again = await get(server.url, { 'if-none-match': String(page.headers.etag) });
    expect(again.status).toBe(304);
    expectSecurityHeaders(again, '304');
    expect(page.headers['strict-transport-security'], 'HSTS only on HTTPS hosts').toBeUndefined();
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['404.html', 'text/html; charset=utf-8'],
    [/^_astro\/.+\.css$/, 'text/css; charset=utf-8'],
    [/^_astro\/.+\.js$/, 'text/javascript; charset=utf-8'],
    ['data/metrics.csv', 'text/csv; charset=utf-8'],
    ['data/metrics.json', 'application/json; charset=utf-8'],
    ['sitemap.xml', 'application/xml; charset=utf-8'],
    ['rss.xml', 'application/xml; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml; charset=utf-8'],
    ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
    [/^pagefind\/wasm\.[\w-]+\.pagefind$/, 'application/octet-stream'],
    [/^pagefind\/pagefind\..+\.pf_meta$/, 'application/octet-stream'],
    [/^pagefind\/index\/.+\.pf_index$/, 'application/octet-stream'],
    [/^pagefind\/fragment\/.+\.pf_fragment$/, 'application/octet-stream'],
    [/^pagefind\/filter\/.+\.pf_filter$/, 'application/octet-stream'],
  ] as [string | RegExp, string][])('%s is sent as %s', async (file, type) => {
    const path = typeof file === 'string' ? file : first(file);
    const response = await get(`${server.url}${path}`, BOTH);
    expect(response.status, path).toBe(200);
    expect(response.headers['content-type'], path).toBe(type);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a .wasm file is sent as application/wasm', async () => {
    // The portal ships no bare .wasm today (Pagefind packs its own); the type is ready for one.
    const dir = await mkdtemp(join(tmpdir(), 'portal-wasm-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(dir, 'a.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    const wasm = await startNginx(dir, '/');
    try {
      expect((await get(`${wasm.url}a.wasm`)).headers['content-type']).toBe('application/wasm');
    } finally {
      await wasm.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each(['', 'reports/2022/', 'search/'])('/%s: br when asked, gzip when only gzip is, the file itself otherwise', async (path) => {
    const file = join(site.dir, path, 'index.html');
    const original = readFileSync(file);
    const br = await get(`${server.url}${path}`, BOTH);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.equals(readFileSync(`${file}.br`)), 'the precompressed file, as it is').toBe(true);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    const gz = await get(`${server.url}${path}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await get(`${server.url}${path}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    for (const r of [br, gz, plain]) expect(r.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(gz.body.length);
  });

  it('JavaScript, CSS, CSV and XML come precompressed too; Pagefind\'s own gzip files as they are', async () => {
    for (const path of [first(/^_astro\/.+\.js$/), first(/^_astro\/.+\.css$/), 'data/metrics.csv', 'sitemap.xml', 'pagefind/pagefind.js']) {
      const response = await get(`${server.url}${path}`, BOTH);
      expect(response.headers['content-encoding'], path).toBe('br');
      expect(response.body.equals(readFileSync(join(site.dir, `${path}.br`))), path).toBe(true);
    }
    const fragment = await get(`${server.url}${first(/^pagefind\/fragment\/.+\.pf_fragment$/)}`, BOTH);
    expect(fragment.headers['content-encoding']).toBeUndefined();
  });

  it('hashed files are cached for a year; pages, the search entry, feeds and data are revalidated', async () => {
    const cache = async (path: string) => (await get(`${server.url}${path}`, BOTH)).headers['cache-control'];
    for (const path of [first(/^_astro\/.+\.css$/), first(/^_astro\/.+\.js$/), first(/^pagefind\/fragment\//), first(/^pagefind\/index\//), first(/^pagefind\/filter\//), first(/^pagefind\/.+\.pf_meta$/)]) {
      expect(await cache(path), path).toBe(YEAR);
    }
    for (const path of ['', 'reports/2022/', 'search/', 'pagefind/pagefind-entry.json', 'pagefind/pagefind.js', first(/^pagefind\/wasm\./), 'rss.xml', 'sitemap.xml', 'data/metrics.csv', 'data/metrics.json', 'favicon.svg', 'no-such-page/']) {
      expect(await cache(path), `/${path}`).toBe(REVALIDATE);
    }
  });

  it('unknown paths and folders without a page answer 404 with the portal\'s 404 page', async () => {
    const notFound = readFileSync(join(site.dir, '404.html'), 'utf8');
    for (const path of ['no-such-page/', 'reports/1999/', 'missing.csv', '_astro/', 'pagefind/fragment/']) {
      const response = await get(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.body.toString('utf8'), path).toBe(notFound);
    }
  });

  it('a folder without its trailing slash redirects to it, naming no host or port', async () => {
    for (const path of ['reports', 'reports/2022', 'metrics/certified-social-workers']) {
      const response = await get(`${server.url}${path}`);
      expect(response.status).toBe(301);
      expect(response.headers.location).toBe(`/${path}/`);
    }
  });
});

describe('nginx over the sub-path build', () => {
  const site = TEST_SITES.subpath;
  let server: RunningNginx;
  beforeAll(async () => {
    server = await startNginx(site.dir, site.base);
  });
  afterAll(() => server?.close());

  it('serves the site under its base, precompressed, with the headers', async () => {
    expect(server.url).toMatch(/\/kaifu\/minzheng\/$/);
    const page = await get(`${server.url}reports/2022/`, BOTH);
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString('utf8')).toContain('href="/kaifu/minzheng/');
    expectSecurityHeaders(page, 'page under the base');
  });

  it('redirects folders, the base itself included, within the base', async () => {
    const origin = new URL(server.url).origin;
    for (const [path, location] of [['/kaifu/minzheng/reports', '/kaifu/minzheng/reports/'], ['/kaifu/minzheng', '/kaifu/minzheng/']]) {
      const response = await get(`${origin}${path}`);
      expect(response.status, path).toBe(301);
      expect(response.headers.location, path).toBe(location);
    }
  });

  it('answers 404 with the portal\'s page under the base and outside it', async () => {
    const origin = new URL(server.url).origin;
    const notFound = readFileSync(join(site.dir, '404.html'), 'utf8');
    for (const path of ['/kaifu/minzheng/no-such-page/', '/no-such-page/', '/']) {
      const response = await get(`${origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.body.toString('utf8'), path).toBe(notFound);
      expectSecurityHeaders(response, path);
    }
  });
});

for (const [name, site] of Object.entries(TEST_SITES)) {
  describe(`links, as nginx answers them (${name} build)`, () => {
    let server: RunningNginx;
    beforeAll(async () => {
      server = await startNginx(site.dir, site.base);
    });
    afterAll(() => server?.close());

    it('every address a page links to on this site answers 200 (no redirect, no 404)', { timeout: 120_000 }, async () => {
      const { pages, siteOrigin } = crawl(site);
      const served = new URL(server.url).origin;
      const targets = new Set<string>();
      for (const [path, tags] of pages) {
        for (const [, ref] of references(tags)) {
          const url = new URL(ref, `${siteOrigin}${site.base}${path}`);
          if (url.origin === siteOrigin) targets.add(url.pathname);
        }
      }
      expect(targets.size).toBeGreaterThan(name === 'root' ? 150 : 100);
      const failing: string[] = [];
      for (const target of targets) {
        const { status } = await get(`${served}${target}`, { 'accept-encoding': 'br, gzip' }, 'HEAD');
        if (status !== 200) failing.push(`${target}: ${status}`);
      }
      expect(failing).toEqual([]);
    });
  });
}

describe('framing', () => {
  let portal: RunningNginx;
  let other: Server;
  let otherOrigin: string;
  let browser: Browser;
  beforeAll(async () => {
    portal = await startNginx(TEST_SITES.root.dir, '/');
    // Another site on another loopback origin, with a page that frames the portal and, as a
    // control, one of its own.
    other = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url === '/own') res.end('<!doctype html><title>own</title><h1>own page</h1>');
      else res.end(`<!doctype html><title>framer</title><iframe name="own" src="/own"></iframe><iframe name="portal" src="${portal.url}"></iframe>`);
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    otherOrigin = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => other?.close(done));
    await portal?.close();
  });

  it('a page on another origin cannot frame the portal', async () => {
    const page = await browser.newPage();
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
    });
    const portalResponse = page.waitForResponse((r) => r.url() === portal.url);
    await page.goto(otherOrigin, { waitUntil: 'load' });
    const headers = (await portalResponse).headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-encoding'], 'Chromium asks for br, and gets it').toBe('br');
    const own = page.frame({ name: 'own' })!;
    expect(await own.locator('h1').textContent()).toBe('own page');
    const framed = page.frame({ name: 'portal' })!;
    // Chromium replaces a refused frame with its error page: none of the portal is there.
    await expect.poll(() => framed.url()).not.toBe(portal.url);
    expect(await framed.evaluate(() => document.querySelector('.skip-link') === null)).toBe(true);
    expect(refusals.join('\n')).toContain("frame-ancestors 'none'");
    await page.close();
  });
});
