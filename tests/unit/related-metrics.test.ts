import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { relatedMetrics, type NamedMetric } from '../../src/domain/related.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const catalog = parse(readFileSync(join(ROOT, 'content/metrics.yaml'), 'utf8')) as NamedMetric[];

describe('related metrics', () => {
  const related = relatedMetrics(catalog);
  const ids = (id: string) => related.get(id)!.map((m) => m.id);

  it('relates the 2018 new elderly-care beds to the 2022 family and nursing beds', () => {
    expect(ids('new-elderly-care-beds')).toEqual(expect.arrayContaining(['family-elderly-care-beds', 'welfare-centre-nursing-beds']));
    expect(ids('family-elderly-care-beds')).toContain('new-elderly-care-beds');
  });

  it('stays in the topic, never lists the metric itself, and ignores common words', () => {
    for (const [id, list] of related) {
      const own = catalog.find((m) => m.id === id)!;
      expect(list.every((m) => m.topic === own.topic && m.id !== id), id).toBe(true);
    }
    const small: NamedMetric[] = [
      { id: 'a', label: '甲类对象人数', topic: 't' }, { id: 'b', label: '乙类对象人数', topic: 't' },
      { id: 'c', label: '丙的人数', topic: 't' }, { id: 'd', label: '丁之人数', topic: 't' },
    ];
    // 人数 is in every name: only 对象 (in two of four) relates a and b.
    expect(relatedMetrics(small).get('a')!.map((m) => m.id)).toEqual(['b']);
    expect(relatedMetrics(small).get('c')).toEqual([]);
  });
});
