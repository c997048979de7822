import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/checks/check-content.ts';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';
import { IMPORT_FIXTURES, reviewed, runImport } from '../fixtures/import/support.ts';

// Two metrics of one head (慰问金发放额) told apart by their modifiers (重阳, 春节): the
// fixture text pays a 慰问金 to a third group (环卫工人, at 端午), which must never be proposed as either.
const CONDOLENCE_METRICS = `
- id: double-ninth-condolence-fund
  label: 重阳慰问金发放额
  labelEn: Double Ninth Festival solicitude payments
  unit: 万元
  topic: 养老服务
  definition: 当年重阳节向高龄老人发放的慰问金总额（流量）。

- id: spring-festival-condolence-fund
  label: 春节困难群众慰问金发放额
  labelEn: Spring Festival solicitude payments to families in need
  unit: 万元
  topic: 社会救助
  definition: 当年春节向低保、特困等困难群众发放的慰问金总额（流量）。
`;

const work: string[] = [];
afterAll(() => {
  for (const dir of work) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'import-grades-'));
  work.push(root);
  cpSync(join(IMPORT_FIXTURES, 'content'), join(root, 'content'), { recursive: true });
  appendFileSync(join(root, 'content/metrics.yaml'), CONDOLENCE_METRICS);
  return root;
}

interface Proposal { id: string; value: number; review: string }
const proposals = (root: string, year: string) =>
  (parse(splitFrontmatter(readFileSync(join(root, 'content/reports', `${year}.mdx`), 'utf8')).yaml!) as { metrics: Proposal[] }).metrics;

describe('grading the proposals of an import', () => {
  const root = project();
  const run = runImport(root, [join(IMPORT_FIXTURES, '2024-condolences.txt'), '--year', '2024']);
  const byValue = (value: number) => proposals(root, '2024').find((p) => p.value === value)!;

  it('proposes the metric whose defining words the sentence says, graded by how sure it is', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(byValue(8.6).id).toBe('double-ninth-condolence-fund');
    expect(byValue(8.6).review).toMatch(/^(?:可靠|核对)：/);
    expect(byValue(1520).id).toBe('marriage-registrations');
  });

  it('proposes a 慰问金 of another group as a new metric, naming the near metric and what differs', () => {
    const other = byValue(3.2);
    expect(other.id).toMatch(/^new-2024-\d\d$/);
    expect(other.review).toMatch(/^存疑：与目录中的 (?:double-ninth|spring-festival)-condolence-fund（[^）]+） 相近，但原文这句没有它的限定词“(?:重阳|春节困难群众)”/);
    expect(other.review).toContain(`提议为新指标 ${other.id}`);
    const catalog = readFileSync(join(root, 'content/metrics.yaml'), 'utf8');
    expect(catalog).toContain(`- id: ${other.id}`);
  });

  it('reads each grade differently', () => {
    const kinds = new Set(proposals(root, '2024').map((p) => p.review.split('：')[0]));
    expect(kinds.has('存疑')).toBe(true);
    expect([...kinds].every((k) => ['可靠', '核对', '存疑', '新指标'].includes(k!))).toBe(true);
  });

  it('once its review lines are all deleted, publishes the figure as a metric of its own, never as the near one', async () => {
    const draft = join(root, 'content/reports/2024.mdx');
    writeFileSync(draft, reviewed(readFileSync(draft, 'utf8'), { summary: '示例县民政局的报告（测试用）。' }));
    const catalog = join(root, 'content/metrics.yaml');
    writeFileSync(catalog, reviewed(readFileSync(catalog, 'utf8')));
    expect(await checkContent(root)).toEqual([]);
    const ids = proposals(root, '2024').filter((p) => p.value === 3.2).map((p) => p.id);
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toMatch(/condolence/);
  });
});

describe('a text whose own year contradicts --year', () => {
  it('is refused when its first sentence opens with another year, naming both years, nothing written', () => {
    const root = project();
    const file = join(root, '重点项目.txt');
    writeFileSync(file, '重点项目绩效自评报告\n（一）基本情况\n2021年累计走访高龄老人300人，发放重阳慰问金8.6万元。\n');
    const catalog = readFileSync(join(root, 'content/metrics.yaml'), 'utf8');
    const run = runImport(root, [file, '--year', '2022']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/原文第一句“2021年累计走访高龄老人300人…”写的是 2021 年，与 --year 2022 不符/);
    expect(existsSync(join(root, 'content/reports/2022.mdx'))).toBe(false);
    expect(readFileSync(join(root, 'content/metrics.yaml'), 'utf8')).toBe(catalog);
    // The same text under its own year imports.
    expect(runImport(root, [file, '--year', '2021']).status).toBe(0);
  });

  it('is not refused for a year inside the first sentence (a document named there)', () => {
    const root = project();
    const file = join(root, '重点项目.txt');
    writeFileSync(file, '重点项目绩效自评报告\n（一）基本情况\n依据《2019年重阳节慰问工作方案》，发放重阳慰问金8.6万元。\n');
    expect(runImport(root, [file, '--year', '2022']).status).toBe(0);
  });
});
