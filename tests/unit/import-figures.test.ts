import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFigures, type FoundFigure } from '../../src/authoring/import/figures.ts';
import { suggestMetrics, type CatalogMetric } from '../../src/authoring/import/suggest.ts';
import { loadVocabulary } from '../../src/authoring/import/vocabulary.ts';
import { locateFigure } from '../../src/domain/locate-figure.ts';
import { QUALIFIER_TABLE } from '../../src/schemas/qualifier-table.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { PROJECT_ROOT } from '../fixtures/import/support.ts';

const vocabulary = await loadVocabulary(PROJECT_ROOT);
const figures = (body: string) => findFigures(body, vocabulary).figures;
const brief = (f: FoundFigure) => [f.value, f.unit, f.qualifiers.join(','), f.asOf ?? ''].join(' ').trim();

describe('finding the figures of a text', () => {
  it('reads digits, Chinese numerals and 万 units with the longest unit written', () => {
    expect(figures('明确了两个示范生活圈，开展四个专项行动，为期两个月，救助5.8万人次，新增720床位，由400元/户提高至800元/户，推荐就业15 名。').map(brief)).toEqual([
      '2 个', '4 个', '2 个月', '5.8 万人次', '720 床位', '400 元/户', '800 元/户', '15 名',
    ]);
  });

  it('takes thousands separators as one number and keeps them in the quote', () => {
    const [f] = figures('2023年部门收入合计12,345.6万元，较上年增长。');
    expect(brief(f!)).toBe('12345.6 万元');
    expect(f!.quote).toBe('2023年部门收入合计12,345.6万元');
    expect(locateFigure(f!.quote, f!.value, f!.unit, vocabulary.table)).not.toBeNull();
  });

  it('reads the qualifiers where the checker looks for them', () => {
    expect(figures('全年预计发放3516万元。特困对象518人，预计发放423.74万元。').map(brief)).toEqual(['3516 万元 预计', '518 人', '423.74 万元 预计']);
    // 预计 reaches the clauses after it, but not one reporting a done thing (了).
    expect(figures('全年预计为12250人发放津贴792万元，继续为五类老人购买了保险。').map(brief)).toEqual(['12250 人 预计', '792 万元 预计', '5 类']);
    expect(figures('预测全区信息采集数量达3万多条。发放补贴870余万元，整治100多次。').map(brief)).toEqual(['3 万条 预计,多', '870 万元 余', '100 次 多']);
    expect(figures('完成近万条数据核查，条目约3000条。').map(brief)).toEqual(['10000 条 近', '3000 条 约']);
    expect(figures('截至11月初，销售额达3513万元。截至目前共办理结婚登记3707对。截至2022年10月底,累计核查6,500多户.').map(brief)).toEqual([
      '3513 万元 截至 11月初', '3707 对 截至 目前', '6500 户 多,截至 2022年10月底',
    ]);
  });

  it('does not take dates, years, ordinals, document numbers, names or 一/二 as figures', () => {
    expect(figures('8月2日《长沙晚报》报道。2018年，第三届对接会召开；依据〔2016〕14号文件；“15分钟生活圈”“两项补贴”；大学生一次性奖励金；二是完善机制；12月15日前完成。')).toEqual([]);
    expect(figures('1、我区创新工作机制。')).toEqual([]);
  });

  it('gives each figure a quote that occurs once in the text, lengthened when the short one repeats', () => {
    const found = figures('今年新增20家社会组织。\n今年新增8家养老机构，今年新增8家养老机构的床位。');
    const text = '今年新增20家社会组织。\n今年新增8家养老机构，今年新增8家养老机构的床位。';
    for (const f of found) expect(text.split(f.quote).length - 1, f.quote).toBe(1);
    expect(found.map((f) => f.quote)).toEqual(['今年新增20家社会组织', '今年新增8家养老机构，今年新增8家养老机构的床位', '今年新增8家养老机构的床位']);
  });

  it('lists apart a figure that no quote can single out (the second of two equal cells in a row)', () => {
    const result = findFigures('| 指标 | 目标 | 完成 |\n| --- | ---: | ---: |\n| 发放率 | 100% | 100% |\n| 满意度 | 90% | 95.3% |\n', vocabulary);
    expect(result.figures.map((f) => `${brief(f)}: ${f.quote}`)).toEqual(['100 %: 发放率 100%', '90 %: 满意度 90%', '95.3 %: 满意度 90% 95.3%']);
    expect(result.unquotable).toEqual(['100%（发放率 100% 100%）']);
    expect(result.figures.map((f) => f.cell)).toEqual([{ row: '发放率', column: '目标' }, { row: '满意度', column: '目标' }, { row: '满意度', column: '完成' }]);
  });
});

describe('the importer reads qualifiers from the qualifier table', () => {
  afterEach(() => {
    vi.doUnmock('../../src/schemas/qualifier-table.ts');
    vi.resetModules();
  });

  it('proposes a qualifier added to the table alone (逾, before the number)', async () => {
    expect(figures('新招募社工逾300人。').map(brief)).toEqual(['300 人']);
    vi.resetModules();
    vi.doMock('../../src/schemas/qualifier-table.ts', () => ({
      QUALIFIER_TABLE: [...QUALIFIER_TABLE, { word: '逾', variants: ['逾'], position: 'before', meaning: 'lower-bound', example: '“逾百人”', editor: '数字前带“逾”' }],
    }));
    const fresh = await import('../../src/authoring/import/figures.ts');
    const [f] = fresh.findFigures('新招募社工逾300人。', (await import('../../src/authoring/import/vocabulary.ts')).vocabularyOf(vocabulary.table)).figures;
    expect(f!.qualifiers).toEqual(['逾']);
    expect(f!.quote).toBe('新招募社工逾300人');
  });
});

const metric = (id: string, label: string, unit: string, topic: Topic = '社会救助', quotes: string[] = []): CatalogMetric => ({
  id, label, labelEn: id, unit, topic, definition: `${label}。`, quotes,
});

describe('suggesting a catalog metric', () => {
  const catalog = [
    metric('urban-dibao-recipients', '城市低保对象人数', '人'),
    metric('rural-dibao-recipients', '农村低保对象人数', '人'),
    metric('dibao-fund', '城乡低保资金发放额', '万元'),
    metric('new-elderly-care-institutions', '新增养老机构', '家', '养老服务'),
  ];

  it('matches by words within the unit family, each metric once, and names the alternatives', () => {
    const found = figures('我区现有城市低保5100人，农村低保2119人，全年发放低保资金3516万元，新增8家养老机构。');
    const suggestions = suggestMetrics(found, catalog, vocabulary);
    expect(suggestions.map((s) => s.chosen?.id)).toEqual(['urban-dibao-recipients', 'rural-dibao-recipients', 'dibao-fund', 'new-elderly-care-institutions']);
    // Alternatives are of the same unit family only: 人 figures never offer the 万元 metric.
    expect(suggestions[0]!.candidates.map((c) => c.metric.id)).toEqual(['urban-dibao-recipients', 'rural-dibao-recipients']);
    expect(suggestions[1]!.candidates[0]!.metric.id).toBe('rural-dibao-recipients');
  });

  it('proposes no metric when none fits in words or unit, and takes the topic of the closest words', () => {
    const [s] = suggestMetrics(figures('新增养老机构床位使用率达78.5%。'), catalog, vocabulary);
    expect(s!.chosen).toBeNull();
    expect(s!.candidates).toEqual([]);
    expect(s!.topic).toBe('养老服务');
  });

  it('uses earlier reports’ quotes', () => {
    const withQuotes = [metric('a-count', '甲类对象', '人'), metric('b-count', '乙类对象', '人', '社会救助', ['结对帮扶退役军人505人'])];
    const [s] = suggestMetrics(figures('结对帮扶退役军人612人。'), withQuotes, vocabulary);
    expect(s!.chosen?.id).toBe('b-count');
  });
});
