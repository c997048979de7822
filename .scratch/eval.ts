import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { readOfficialFile } from '/work/wt/import/src/cli/import/read-file.ts';
import { draftBody } from '/work/wt/import/src/cli/import/body.ts';
import { findFigures } from '/work/wt/import/src/cli/import/figures.ts';
import { suggestMetrics } from '/work/wt/import/src/cli/import/suggest.ts';
import { loadVocabulary } from '/work/wt/import/src/cli/import/vocabulary.ts';
import { splitFrontmatter } from '/work/wt/import/src/checks/frontmatter.ts';
import { officialText } from '/work/wt/import/src/domain/official-text.ts';
import { locateFigure } from '/work/wt/import/src/domain/locate-figure.ts';
const R='/work/wt/import/content/reports/';
const year = process.argv[2]!;
const src = { '2018': '000_432035cefffa4086.txt', '2022': '004_c721695594134727.txt' }[year]!;
const load = (y: string) => { const s = splitFrontmatter(readFileSync(R+y+'.mdx','utf8')); return { data: parse(s.yaml!), body: s.body }; };
const curated = load(year);
const other = load(year === '2018' ? '2022' : '2018');
const cat = parse(readFileSync('/work/wt/import/content/metrics.yaml','utf8')).map((m: any) => ({ ...m, quotes: other.data.metrics.filter((f: any) => f.id === m.id).map((f: any) => f.quote) }));
const vocab = await loadVocabulary('.');
const f = await readOfficialFile('/work/shared/sources/'+src);
const b = draftBody(f.blocks);
const figs = findFigures(b.markdown, vocab).figures;
const sugg = suggestMetrics(figs, cat, vocab);
const ctext = officialText(curated.body);
const dtext = officialText(b.markdown);
console.log('texts equal', ctext === dtext);
const key = (at: number, v: number, u: string, q: string[]) => `${at}|${v}|${u}|${q.join(',')}`;
const curatedKeys = curated.data.metrics.map((m: any) => { const at = ctext.indexOf(m.quote); const sp = locateFigure(m.quote, m.value, m.unit)!; const off = at + sp.start + (/[近约]/.test(m.quote[sp.start]) ? 1 : 0); const q = m.qualifier === undefined ? [] : [m.qualifier].flat(); return { m, k: key(off, m.value, m.unit, q), pos: `${off}|${m.value}|${m.unit}` }; });
let same = 0, idok = 0;
const propKeys = new Map(sugg.map((s) => [key(s.figure.at, s.figure.value, s.figure.unit, s.figure.qualifiers), s]));
for (const c of curatedKeys) {
  const s = propKeys.get(c.k);
  if (!s) { const near = sugg.find(s => `${s.figure.at}|${s.figure.value}|${s.figure.unit}` === c.pos); console.log('MISSING', c.m.id, c.k, near ? 'got quals '+near.figure.qualifiers : ''); continue; }
  same++;
  if (s.chosen?.id === c.m.id) idok++; else console.log('ID', c.m.id, '<-', s.chosen?.id, s.candidates.slice(0,3).map(x=>x.metric.id+':'+x.score.toFixed(2)).join(' '), '|', JSON.stringify(s.figure.context));
}
const ck = new Set(curatedKeys.map(c => c.pos));
const extra = sugg.filter(s => !ck.has(`${s.figure.at}|${s.figure.value}|${s.figure.unit}`));
for (const e of extra) console.log('EXTRA', e.figure.value, e.figure.unit, e.figure.quote);
console.log(`curated ${curatedKeys.length} proposed ${sugg.length} same ${same} (${(same/curatedKeys.length*100).toFixed(1)}%) id ${idok} (${(idok/same*100).toFixed(1)}%) precision ${((sugg.length-extra.length)/sugg.length*100).toFixed(1)}% new ${sugg.filter(s=>!s.chosen).length}`);
