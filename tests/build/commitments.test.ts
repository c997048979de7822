// 承诺与落实 in the built sites: the real one (2018's commitments, 2022's evidence) and the
// two-department fixture (our own text: evidence 部分完成, 后续报告未提及, 尚无后续报告).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITES, TEST_SITES } from '../support/site.ts';

const reader = (dir: string) => (path: string) => readFileSync(join(dir, path, path.endsWith('.csv') || path.endsWith('.json') ? '' : 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
/** The href of every link in some HTML. */
const hrefs = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]!);

describe('the real site: the 2018 welfare-centre commitment and the 2022 evidence', () => {
  const page = reader(TEST_SITES.root.dir);
  const centre = page('commitments/2018/welfare-centre');

  it('shows the promise and the evidence side by side, with the status the evidence gives', () => {
    expect(text(centre)).toContain('进行区社会福利中心建设');
    expect(text(centre)).toContain('区社会福利中心建成投用，一期可提供338张护理型床位');
    expect(text(centre)).toContain('✓ 已完成');
  });

  it('puts both sentences one click away, and each anchor is on its sentence in the report text', () => {
    const links = hrefs(centre);
    expect(links).toContain('/reports/2018/#promise-welfare-centre');
    expect(links).toContain('/reports/2022/#outcome-2018-welfare-centre');
    expect(page('reports/2018')).toMatch(/<span class="passage passage--promise" id="promise-welfare-centre">进行区社会福利中心建设<\/span>/);
    expect(page('reports/2022')).toMatch(/<span class="passage passage--outcome" id="outcome-2018-welfare-centre">区社会福利中心建成投用，一期可提供<\/span><a class="figure" id="fig-welfare-centre-nursing-beds"[^>]*>338张<\/a>/);
  });

  it('lists every commitment on 承诺与落实, by topic, with the computed 后续报告未提及 where 2022 says nothing', () => {
    const list = text(page('commitments'));
    expect(list).toContain('共 12 项承诺');
    expect(list).toContain('✓ 已完成 1 项');
    expect(list).toContain('— 后续报告未提及 11 项');
    expect(list).toContain('此后的2022年报告没有提到这项工作。');
    expect(list.indexOf('优抚安置与退役军人')).toBeLessThan(list.indexOf('养老服务'));
  });

  it('shows on each report what it promised and what earlier promises it reports on, and on the topic page its commitments', () => {
    expect(text(page('reports/2018'))).toContain('本报告的承诺及落实情况');
    expect(text(page('reports/2022'))).toContain('本报告所载此前承诺的落实情况');
    expect(text(page('reports/2022'))).not.toContain('本报告的承诺及落实情况');
    expect(hrefs(page('topics/elderly-care'))).toContain('/commitments/2018/welfare-centre/');
  });

  it('files each commitment page in search under kind 承诺 and filter 落实情况', () => {
    expect(centre).toContain('data-pagefind-meta="类型:承诺"');
    expect(centre).toContain('data-pagefind-filter="落实情况">已完成<');
  });

  it('publishes commitments.csv (UTF-8 with BOM) and commitments.json with the sentences’ addresses', () => {
    const csv = page('data/commitments.csv');
    expect(csv.startsWith('\uFEFFyear,department,commitment_id,')).toBe(true);
    const row = csv.split('\r\n').find((line) => line.includes(',welfare-centre,'))!;
    expect(row).toContain('进行区社会福利中心建设');
    expect(row).toContain(',已完成,2022,区社会福利中心建成投用，一期可提供338张护理型床位,');
    expect(row).toContain('/reports/2022/#outcome-2018-welfare-centre');
    const json = JSON.parse(page('data/commitments.json')) as { commitments: { commitment_id: string; status: string; outcomes: unknown[] }[] };
    expect(json.commitments).toHaveLength(12);
    expect(json.commitments.find((c) => c.commitment_id === 'welfare-centre')!.outcomes).toHaveLength(1);
  });
});

describe('a fixture site of our own: another department’s commitments', () => {
  const page = reader(FIXTURE_SITES.departments.dir);

  it('a commitment with evidence shows it (部分完成) and links to the later report’s sentence', () => {
    const room = page('commitments/fuliyuan/2021/rehab-room');
    expect(text(room)).toContain('明年将完成院内康复室改造');
    expect(text(room)).toContain('院内康复室改造已完成一半');
    expect(text(room)).toContain('◐ 部分完成');
    expect(text(room)).toContain('原文所述完成时间：2022年');
    expect(hrefs(room)).toContain('/reports/fuliyuan/2022/#outcome-2021-rehab-room');
    expect(page('reports/fuliyuan/2022')).toContain('id="outcome-2021-rehab-room"');
  });

  it('without evidence: 后续报告未提及 when a later report exists, 尚无后续报告 when none does', () => {
    expect(text(page('commitments/fuliyuan/2021/volunteer-register'))).toContain('— 后续报告未提及');
    expect(text(page('commitments/fuliyuan/2022/canteen'))).toContain('… 尚无后续报告');
    expect(text(page('commitments/fuliyuan/2022/canteen'))).toContain('开福区社会福利院 · 2022年报告');
  });
});
