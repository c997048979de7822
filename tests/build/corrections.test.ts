// Corrections never happen silently (issue 20). In a copy of the project with the minimal
// fixture content: a first build publishes 持证社工 1106人; a figure then changed in content
// without a correction is refused by the build against that live release (dist untouched),
// naming file, line and figure; with a correction entry it builds, and the site shows the
// 更正说明, marks the figure, keeps the earlier value in open data and lists it in the feed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/project-copy.ts';
import { PROJECT_ROOT } from '../support/site.ts';

let project: string;
let dist: string;
const REPORT = 'content/reports/2022.mdx';

function build(): { status: number | null; out: string } {
  const result = spawnSync('node', ['scripts/build.ts'], { cwd: project, env: { ...process.env, PORTAL_DIST: dist, PORTAL_BASE: '/' }, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}\n${result.stderr}` };
}
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const editReport = (edit: (text: string) => string) => writeFileSync(join(project, REPORT), edit(readFileSync(join(project, REPORT), 'utf8')));

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'portal-corrections-'));
  await copyProject(PROJECT_ROOT, project, join(PROJECT_ROOT, 'tests/fixtures/minimal/content'));
  dist = join(project, 'dist');
}, 120_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('corrections against the live release', () => {
  it('refuses a changed figure without a correction, then publishes it with one, its history shown', { timeout: 300_000 }, () => {
    const first = build();
    expect(first.status, first.out).toBe(0);
    const live = readlinkSync(dist);
    expect(read('data/metrics.csv')).toContain('全区现有持证社工1106人');

    // The bureau reissues the text with 1160 (the quote and the text change together) and the editor forgets the correction.
    editReport((text) => text.replaceAll('全区现有持证社工1106人', '全区现有持证社工1160人').replace('    value: 1106\n', '    value: 1160\n'));
    const refused = build();
    expect(refused.status).toBe(1);
    expect(refused.out).toContain(`${REPORT}:11:5  metrics[0].value  已发布的数字“certified-social-workers”被改了：线上版本是 1106人，现在是 1160人`);
    expect(readlinkSync(dist)).toBe(live);

    editReport((text) => text.replace('disclosure: { publishedDate: "2026-11-25" }\n', [
      'disclosure: { publishedDate: "2026-11-25" }',
      'corrections:',
      '  - date: "2026-12-01"',
      '    metric: certified-social-workers',
      '    from: 1106',
      '    to: 1160',
      '    reason: 原文数字录入有误，局里重新印发了报告',
      '    decidedBy: 局办公室',
      '',
    ].join('\n')));
    const corrected = build();
    expect(corrected.status, corrected.out).toBe(0);
    expect(readlinkSync(dist)).not.toBe(live);

    const page = read('reports/2022/index.html');
    expect(page).toContain('<h2 id="corrections-title">更正说明</h2>');
    expect(page).toMatch(/<li id="correction-1">[\s\S]*?2026-12-01[\s\S]*?<del>1106人<\/del>[\s\S]*?<ins>1160人<\/ins>[\s\S]*?原文数字录入有误/);
    // The figure in the text carries a mark that leads to its history.
    expect(page).toMatch(/<a class="figure" id="fig-certified-social-workers"[^>]*>1160人<\/a><a class="figure-corrected" href="#correction-1"/);
    expect(page).toContain('<meta property="article:modified_time" content="2026-12-01">');
    // Open data keeps the earlier value.
    const csv = read('data/metrics.csv');
    const row = csv.split('\r\n').find((line) => line.includes(',certified-social-workers,'))!;
    expect(row).toMatch(/,1160,人,.*,2026-11-25,1106,2026-12-01$/);
    const json = JSON.parse(read('data/metrics.json')) as { figures: Record<string, unknown>[]; reports: { disclosure: { corrections: unknown[] } }[] };
    expect(json.figures.find((f) => f.metric_id === 'certified-social-workers')).toMatchObject({ value: 1160, earlier_values: '1106', corrected_on: '2026-12-01' });
    expect(json.reports[0]!.disclosure.corrections).toEqual([expect.objectContaining({ metric_id: 'certified-social-workers', from: 1106, to: 1160, decided_by: '局办公室' })]);
    // The corrections feed lists it; the sitemap dates the page by it.
    const feed = read('corrections.xml');
    expect(feed).toContain('<link>http');
    expect(feed).toMatch(/<link>[^<]*\/reports\/2022\/#correction-1<\/link>/);
    expect(feed).toContain('<pubDate>Tue, 01 Dec 2026 00:00:00 +0800</pubDate>');
    expect(feed).toContain('由 1106人 改为 1160人');
    expect(read('sitemap.xml')).toMatch(/\/reports\/2022\/<\/loc><lastmod>2026-12-01<\/lastmod>/);
    expect(read('disclosure/index.html')).toContain('1 次，最近 2026-12-01');

    // Built again over that release: the correction is now what was published, and nothing is refused.
    const again = build();
    expect(again.status, again.out).toBe(0);
  });
});
