import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, pageTypeOf, SEARCHABLE_PAGES } from '../../src/routing/page-types.ts';
import { paths } from '../../src/render/urls.ts';

describe('the page-type registry', () => {
  it('gives each page the one type its URL (src/render/urls.ts) belongs to', () => {
    const cases: [string, string][] = [
      [paths.home(), 'home'],
      [paths.reports(), 'reports-index'],
      [paths.departmentReports('fuliyuan'), 'department-reports'],
      [paths.report('2018'), 'report'],
      [paths.report('fuliyuan/2019'), 'report'],
      [paths.metric('certified-social-workers'), 'metric'],
      [paths.topic('social-work'), 'topic'],
      [paths.comparePair('', 2018, 2022), 'compare-pair'],
      [paths.comparePair('fuliyuan/', 2019, 2021), 'compare-pair'],
      ['/404.html', 'not-found'],
    ];
    for (const [path, name] of cases) {
      const matching = PAGE_TYPES.filter((t) => t.route.pattern.test(path.slice(1)));
      expect(matching.map((t) => t.name), path).toEqual([name]);
    }
  });

  it('claims no page outside the registered URLs', () => {
    expect(pageTypeOf('scores/2022/')).toBeUndefined();
    expect(pageTypeOf('topics/社会工作/')).toBeUndefined(); // a topic's page is at its slug (content/topics.yaml), never its name
    expect(pageTypeOf('reports/2018/extra/')).toBeUndefined();
  });

  it('points Pagefind at the searchable types only', () => {
    expect(SEARCHABLE_PAGES).toContain('reports/**/index.html');
    expect(SEARCHABLE_PAGES).toContain('metrics/*/index.html');
    expect(SEARCHABLE_PAGES).not.toContain('compare');
    expect(SEARCHABLE_PAGES).not.toContain('search');
  });

  it('gives every type a budget and names each sample by one', () => {
    for (const t of PAGE_TYPES) expect(Object.keys(t.budgets).length, t.name).toBeGreaterThan(0);
  });
});
