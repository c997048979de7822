import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { siteStrings } from '../../src/render/site-strings.ts';
import { PROJECT_ROOT } from '../support/site.ts';

describe('the site strings', () => {
  it('name the site and the bureau after the primary department, whatever it is', () => {
    const strings = siteStrings({ name: '某市某区民政局', shortName: '某区民政局' });
    expect(strings.siteName).toBe('某区民政局绩效报告公开');
    expect(strings.bureau).toBe('某市某区民政局');
    expect(strings.footer).toContain('本站转载某市某区民政局绩效评价报告原文');
    expect(strings.descriptions.topic('养老服务')).toBe('养老服务：某区民政局历年报告中的相关原文和数字。');
    expect(siteStrings({ name: '某区民政局' }).siteName).toBe('某区民政局绩效报告公开');
  });

  it('are the only source of the bureau’s name: src/ never spells it out', () => {
    const departments = parse(readFileSync(join(PROJECT_ROOT, 'content/departments.yaml'), 'utf8')) as { name: string; shortName?: string; primary?: true }[];
    const primary = departments.find((d) => d.primary)!;
    const names = [primary.name, primary.shortName].filter((n) => n !== undefined);
    const src = join(PROJECT_ROOT, 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const spelled = files.filter((f) => names.some((name) => readFileSync(join(src, f), 'utf8').includes(name)));
    expect(spelled).toEqual([]);
  });
});
