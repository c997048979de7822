// Commitments (what a report says it will do) and evidence (a later report's sentence about it):
// the status is the latest evidence's, or computed when there is none.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/checks/check-content.ts';
import { linkCommitments, NO_LATER_REPORT, UNMENTIONED, type ReportWithCommitments } from '../../src/domain/commitments.ts';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/commitments');

/** A report file as the domain reads it (the frontmatter's own fields). */
function reportAt(root: string, file: string, key: string): ReportWithCommitments {
  const data = parse(splitFrontmatter(readFileSync(join(root, file), 'utf8')).yaml!) as ReportWithCommitments & { department?: string };
  return { ...data, key, department: data.department ?? 'primary' };
}

describe('linking commitments with evidence', () => {
  const commitment = (id: string) => ({ id, quote: `将${id}`, topic: '养老服务' as const });

  it('takes the latest evidence’s status, keeping every outcome oldest first', () => {
    const [record] = linkCommitments([
      { key: '2024', department: 'd', year: 2024, evidence: [{ report: 2020, commitment: 'a', status: '已完成', quote: '甲建成' }] },
      { key: '2020', department: 'd', year: 2020, commitments: [commitment('a')] },
      { key: '2022', department: 'd', year: 2022, evidence: [{ report: 2020, commitment: 'a', status: '部分完成', quote: '甲在建' }] },
    ]);
    expect(record!.status).toBe('已完成');
    expect(record!.outcomes.map((o) => [o.year, o.status, o.quote])).toEqual([[2022, '部分完成', '甲在建'], [2024, '已完成', '甲建成']]);
  });

  it('computes 后续报告未提及 when a later report of the department says nothing, 尚无后续报告 when there is none', () => {
    const records = linkCommitments([
      { key: '2020', department: 'd', year: 2020, commitments: [commitment('a')] },
      { key: '2021', department: 'd', year: 2021, commitments: [commitment('b')] },
      { key: 'other/2023', department: 'other', year: 2023 },
    ]);
    expect(records.map((r) => [r.id, r.status])).toEqual([['a', UNMENTIONED], ['b', NO_LATER_REPORT]]);
  });

  it('never lets another department’s report, or a report of the same year, answer for a commitment', () => {
    const [record] = linkCommitments([
      { key: '2020', department: 'd', year: 2020, commitments: [commitment('a')] },
      { key: 'other/2022', department: 'other', year: 2022, evidence: [{ report: 2020, commitment: 'a', status: '已完成', quote: '甲建成' }] },
      { key: '2020b', department: 'd', year: 2020, evidence: [{ report: 2020, commitment: 'a', status: '已完成', quote: '甲建成' }] },
    ]);
    expect(record!.outcomes).toEqual([]);
    expect(record!.status).toBe(NO_LATER_REPORT);
  });
});

describe('the fixture of our own (tests/fixtures/commitments)', () => {
  it('passes the content check: a commitment with evidence and one without', async () => {
    expect(await checkContent(FIXTURE)).toEqual([]);
  });

  it('shows the evidence for one and 后续报告未提及 for the other', () => {
    const records = linkCommitments([reportAt(FIXTURE, 'content/reports/2021.mdx', '2021'), reportAt(FIXTURE, 'content/reports/2022.mdx', '2022')]);
    expect(records.map((r) => [r.id, r.due, r.status])).toEqual([['rehab-room', 2022, '已完成'], ['volunteer-register', undefined, UNMENTIONED]]);
    expect(records[0]!.outcomes[0]!.quote).toBe('示范康复室改造完成并投入使用');
  });
});

describe('the real reports', () => {
  const records = linkCommitments([reportAt(ROOT, 'content/reports/2018.mdx', '2018'), reportAt(ROOT, 'content/reports/2022.mdx', '2022')]);

  it('the 2018 welfare-centre commitment is answered by the 2022 report: 建成投用, 338 张护理型床位', () => {
    const centre = records.find((r) => r.id === 'welfare-centre')!;
    expect(centre.quote).toBe('进行区社会福利中心建设');
    expect(centre.status).toBe('已完成');
    expect(centre.outcomes).toEqual([{ reportKey: '2022', year: 2022, status: '已完成', quote: '区社会福利中心建成投用，一期可提供338张护理型床位' }]);
  });

  it('every other 2018 commitment shows 后续报告未提及 (the 2022 text says nothing of it)', () => {
    const others = records.filter((r) => r.id !== 'welfare-centre');
    expect(others.length).toBeGreaterThan(5);
    for (const r of others) expect(r.status, r.id).toBe(UNMENTIONED);
  });
});
