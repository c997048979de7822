// axe-core, WCAG 2.1 A and AA, on one page of each type, in the light and the dark colour
// scheme, with every <details> opened so that what it holds is checked too.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useServedSite } from '../support/served-site.ts';
import { openAllDetails, qualitySites } from './quality-support.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const [root, departments] = qualitySites();

it('checks every page type', () => {
  expect(root!.types.map((t) => t.name)).toEqual(expect.arrayContaining([
    'home', 'report-2018', 'report-2022', 'metrics-index', 'metric-chart', 'metric-single-year',
    'topics-index', 'topic', 'compare-index', 'compare-pair', 'data', 'not-found',
  ]));
  expect(departments!.types.map((t) => t.name)).toEqual(['department-reports', 'metric-department', 'department-commitments']);
});

for (const { name, site, types } of [root!, departments!]) describe(`axe-core: no WCAG 2.1 AA violations (${name})`, () => {
  const live = useServedSite(site);

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(types)(`${colorScheme}: $name`, { timeout: 60_000 }, async ({ path }) => {
      // The pages' CSP (script-src 'self') would block the injected axe script; the bypass is
      // for this check only, every other test runs the pages under their real CSP.
      const context = await live.browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(live.server.url + path, { waitUntil: 'load' });
        await openAllDetails(page);
        await page.addScriptTag({ path: AXE_PATH });
        const violations = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
          }));
        }, WCAG_TAGS);
        expect(violations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
