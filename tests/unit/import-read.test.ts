import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftBody } from '../../src/authoring/import/body.ts';
import { decodeText, ImportRefusal, readOfficialFile, textBlocks } from '../../src/authoring/import/read-file.ts';
import { IMPORT_FIXTURES } from '../fixtures/import/support.ts';
import { makeDocx } from '../fixtures/import/make-docx.ts';

const dir = mkdtempSync(join(tmpdir(), 'import-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => join(IMPORT_FIXTURES, name);

describe('reading the official file', () => {
  it('reads UTF-8 text and says so', async () => {
    const file = await readOfficialFile(fixture('2023-indicators.txt'));
    expect(file.format).toBe('UTF-8 文本');
    expect(file.blocks[0]).toEqual({ kind: 'paragraph', text: '示例县民政局2023年度部门整体支出绩效评价报告' });
  });

  it('detects GB18030 (the fixture is not valid UTF-8) and decodes it exactly', async () => {
    const bytes = readFileSync(fixture('2021-gb18030.txt'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const file = await readOfficialFile(fixture('2021-gb18030.txt'));
    expect(file.format).toBe('GB18030 文本');
    expect(file.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toContain('2021年，全县共有城市低保对象3,215人，农村低保对象8,760人，特困供养对象1,105人，集中供养率达45.6％。');
  });

  it('reads UTF-16 only by its byte-order mark, and refuses what reads as control characters', () => {
    const text = '城市低保5100人。';
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text, encoding: 'UTF-16' });
    // The same without the mark would "decode" as GB18030 into garbage with NUL characters.
    expect(() => decodeText(Buffer.from(text, 'utf16le'))).toThrow(ImportRefusal);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    // 0xFF starts no character in either.
    expect(() => decodeText(new Uint8Array([0xe7, 0xa4, 0xba, 0xff, 0xff]))).toThrow(ImportRefusal);
  });

  it('refuses a PDF with a message to export text or Word, by content as well as by name', async () => {
    await expect(readOfficialFile(fixture('scan.pdf'))).rejects.toThrow(/PDF 文件，不能导入.*另存为 \.docx.*导出为 \.txt/s);
    const renamed = join(dir, 'report.docx');
    writeFileSync(renamed, readFileSync(fixture('scan.pdf')));
    await expect(readOfficialFile(renamed)).rejects.toThrow(/PDF 文件，不能导入/);
  });

  it('refuses old .doc and unknown formats, and a missing file, with what to do', async () => {
    const doc = join(dir, 'old.doc');
    writeFileSync(doc, 'x');
    await expect(readOfficialFile(doc)).rejects.toThrow(/旧版 Word（\.doc）.*另存为 \.docx/);
    const odt = join(dir, 'x.odt');
    writeFileSync(odt, 'x');
    await expect(readOfficialFile(odt)).rejects.toThrow(/只能导入 \.docx 和 \.txt/);
    await expect(readOfficialFile(join(dir, 'none.txt'))).rejects.toThrow(/无法读取文件/);
  });

  it('reads a Word file: heading styles, paragraphs and a table; the _GoBack bookmark leaves no trace', async () => {
    const path = join(dir, '2020-word.docx');
    writeFileSync(path, makeDocx());
    const file = await readOfficialFile(path);
    expect(file.format).toBe('Word 文档（.docx）');
    expect(file.blocks).toContainEqual({ kind: 'paragraph', text: '部门概况', style: 1 });
    expect(file.blocks).toContainEqual({ kind: 'paragraph', text: '养老服务', style: 2 });
    expect(file.blocks).toContainEqual({ kind: 'paragraph', text: '本局内设5个股室，2020年部门支出合计8,452.3万元。' });
    expect(file.blocks).toContainEqual({
      kind: 'table',
      rows: [['项目', '完成情况'], ['困难群众救助资金', '2,468.5万元'], ['社区养老服务站', '36个'], ['群众满意度', '96.8%']],
    });
    const body = draftBody(file.blocks);
    expect(body.title).toBe('示例县民政局2020年度部门整体支出绩效评价报告');
    expect(body.markdown).toContain('## 部门概况\n\n本局内设5个股室');
    expect(body.markdown).toContain('### 养老服务');
    expect(body.markdown).toContain('| 项目 | 完成情况 |\n| --- | ---: |\n| 困难群众救助资金 | 2,468.5万元 |');
    expect(body.counts).toEqual({ paragraphs: 3, headings: 4, tables: 1 });
  });

  it('flags Word auto-numbered paragraphs: their numbers are drawn by Word, not in the text', async () => {
    const path = join(dir, 'numbered.docx');
    writeFileSync(path, makeDocx([{ text: '某局2019年度部门整体支出绩效评价报告' }, { text: '甲项工作完成。', numbered: true }, { text: '乙项工作完成。', numbered: true }, { text: '结尾。' }]));
    const { blocks } = await readOfficialFile(path);
    expect(blocks.slice(1, 3)).toEqual([
      { kind: 'paragraph', text: '甲项工作完成。', autoNumbered: true },
      { kind: 'paragraph', text: '乙项工作完成。', autoNumbered: true },
    ]);
    const body = draftBody(blocks);
    expect(body.autoNumbered).toEqual(['甲项工作完成。', '乙项工作完成。']);
    expect(body.markdown).toBe('甲项工作完成。\n\n乙项工作完成。\n\n结尾。\n'); // nothing invented in their place
  });

  it('takes pipe-separated and tab-separated lines as tables, a lone line with a pipe as text', () => {
    expect(textBlocks('甲\n| 指标 | 完成 |\n| --- | --- |\n| 满意度 | 95% |\n乙')).toEqual([
      { kind: 'paragraph', text: '甲' },
      { kind: 'table', rows: [['指标', '完成'], ['满意度', '95%']] },
      { kind: 'paragraph', text: '乙' },
    ]);
    expect(textBlocks('指标\t完成\n满意度\t95%')).toEqual([{ kind: 'table', rows: [['指标', '完成'], ['满意度', '95%']] }]);
    expect(textBlocks('A|B 是一行字')).toEqual([{ kind: 'paragraph', text: 'A|B 是一行字' }]);
  });
});
