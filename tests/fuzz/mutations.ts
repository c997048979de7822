import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';

/** One content file of the real content, changed as an editor (or a careless tool) might. */
export interface Mutant {
  /** The file changed, relative to the project root (content/…). */
  file: string;
  bytes: Buffer;
  /** Where the file is moved to (or copied to, with keepOriginal): a misnamed or misplaced file. */
  renameTo?: string;
  keepOriginal?: boolean;
  description: string;
}

interface Edit {
  apply: (text: string) => string;
  description: string;
}

/** Values that change a field's type or put it out of range. */
const VALUES = [
  '"1106"', "'1,106'", '1,106', '１１０６', '[]', '{}', 'null', '~', '', 'true', 'no', '-1', '-0', '0', '1e400', '-1e400',
  '.nan', '.inf', '0x10', '0o17', '1_000', '2022-10-31', '2022-10-31T08:00:00Z', '9007199254740993', '1e-400',
  '"待填写"', '""', '"\u200b"', '！', '*a', '&a x', '!!binary aGk=', '!!str 5', '!foo bar', '|', '>-', '- x', '[1, [2, [3]]]',
  '{a: {b: {c: 1}}}', '"a: b"', 'a: b', '"\\u0000"', '? x', '%', '@x', '`x`', '"2022-01"', '2022-13', '余', '[余, 多]', '[预计, 截至]',
  '社会救助', '万元', '人次', 'kaifu-minzheng', 'fuliyuan', '<script>', '{x}', '"\\"unterminated', "'it''s'", '#', ' # comment',
];
/** Characters an office machine, a web page or a phone keyboard slips in. */
const PIECES = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u3000', '\u00a0', '\u202e', '\u0301', '０', '１', '９', '．', '，', '：', '－',
  '\t', '\r', '\r\n', '\n', '\u2028', '\u0000', '\u001b', '\ud800', '👨‍👩‍👧', '---', '\n---\n', '"', "'", ':', ': ', '- ', '#', '&', '*', '!', '|',
  '{', '}', '<', '>', '\\', '`', '  ', '\u00e9', 'é', '\uff5e', '\u2014', '<EditorNote>', '</EditorNote>', '<EditorNote />', '<br>', '&amp;', '&#123;', '![x](y.png)', '[x](#y)',
  '| a | b |\n| - | - |', '\n\n    indented code', '\n> ', '\n1. ', '*', '_', '~~', '$$', '\n***\n',
];
const NUMBERS = ['-870', '-1', '0', '-0', '99999999999999999999999', '1e308', '1.7976931348623157e309', '4294967296', '0.0000001', '1106.0', '1.1e3', '00870'];
const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

const lines = (text: string) => text.split('\n');
const onLine = (text: string, at: number, change: (line: string) => string | string[]) => {
  const all = lines(text);
  const i = at % all.length;
  return [...all.slice(0, i), ...[change(all[i]!)].flat(), ...all.slice(i + 1)].join('\n');
};
const KEY_VALUE = /^(\s*(?:- )?[^\s:#][^:]*:)(?:[ \t].*)?$/;

const at = fc.nat({ max: 100_000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  at.map((i) => ({ description: `delete line ${i}`, apply: (t: string) => onLine(t, i, () => []) })),
  at.map((i) => ({ description: `duplicate line ${i}`, apply: (t: string) => onLine(t, i, (l) => [l, l]) })),
  fc.tuple(at, at).map(([a, b]) => ({
    description: `swap lines ${a} and ${b}`,
    apply: (t: string) => {
      const all = lines(t);
      const [i, j] = [a % all.length, b % all.length];
      [all[i], all[j]] = [all[j]!, all[i]!];
      return all.join('\n');
    },
  })),
  at.map((i) => ({ description: `truncate at ${i}`, apply: (t: string) => t.slice(0, i % (t.length + 1)) })),
  fc.tuple(at, fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 })))
    .map(([i, s]) => ({ description: `insert ${JSON.stringify(s)} at ${i}`, apply: (t: string) => { const p = i % (t.length + 1); return t.slice(0, p) + s + t.slice(p); } })),
  fc.tuple(at, fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 }))).map(([i, v]) => ({
    description: `value on line ${i} := ${JSON.stringify(v)}`,
    apply: (t: string) => onLine(t, i, (l) => { const m = KEY_VALUE.exec(l); return m ? `${m[1]} ${v}` : l; }),
  })),
  fc.tuple(at, fc.oneof(fc.constantFrom(...NUMBERS), fc.integer().map(String), fc.double().map(String), fc.bigInt().map(String))).map(([i, n]) => ({
    description: `number on line ${i} := ${n}`,
    apply: (t: string) => onLine(t, i, (l) => l.replace(/\d+(?:\.\d+)?/, n)),
  })),
  at.map((i) => ({ description: `full-width digits on line ${i}`, apply: (t: string) => onLine(t, i, FULL_WIDTH) })),
  fc.tuple(at, fc.constantFrom('\t', '  \t', '\t  ')).map(([i, tab]) => ({
    description: `tab indent ${JSON.stringify(tab)} on line ${i}`,
    apply: (t: string) => onLine(t, i, (l) => l.replace(/^ */, tab)),
  })),
  fc.constant({ description: 'CRLF line ends', apply: (t: string) => t.replace(/\r?\n/g, '\r\n') }),
  at.map((i) => ({ description: `CRLF on line ${i}`, apply: (t: string) => onLine(t, i, (l) => `${l}\r`) })),
  fc.constantFrom('\ufeff', '\ufeff\ufeff', '\n', ' ').map((p) => ({ description: `prefix ${JSON.stringify(p)}`, apply: (t: string) => p + t })),
  fc.tuple(at, fc.integer({ min: 1, max: 3000 }), fc.boolean()).map(([i, depth, flow]) => ({
    description: `nesting ${depth} deep on line ${i}`,
    apply: (t: string) => onLine(t, i, (l) => {
      const m = KEY_VALUE.exec(l);
      const nested = flow ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
      return m ? `${m[1]} ${nested}` : l;
    }),
  })),
  fc.tuple(at, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 9 })).map(([i, levels, width]) => ({
    description: `alias bomb ${levels}×${width} before line ${i}`,
    apply: (t: string) => onLine(t, i, (l) => {
      const indent = /^\s*(?:- )?/.exec(l)![0].replace('- ', '  ');
      const bomb = [`${indent}lol0: &a0 [lol]`];
      for (let k = 1; k <= levels; k++) bomb.push(`${indent}lol${k}: &a${k} [${Array(width).fill(`*a${k - 1}`).join(', ')}]`);
      return [...bomb, l];
    }),
  })),
);

const RENAMES = [
  (f: string) => f.replace(/\.mdx$/, '.md'),
  (f: string) => f.replace(/\.mdx$/, '.MDX'),
  (f: string) => f.replace('content/reports/', 'content/'),
  (f: string) => f.replace('content/reports/', 'content/reports/.drafts/'),
  (f: string) => f.replace('content/reports/', 'content/reports/fuliyuan/'),
  (f: string) => f.replace(/[^/]+$/, (name) => `~$${name}.docx`),
  (f: string) => `${f}.bak`,
  (f: string) => f.replace(/\.mdx$/, ' 副本.mdx'),
  (f: string) => f.replace(/\.yaml$/, '.yml'),
];

/** `arbitrary` in about one case in ten, null otherwise. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary, weight: 1 });

/** Every file of the content folder `dir`, with its text. */
function contentFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((path) => ({ file: join('content', relative(dir, path)), text: readFileSync(path, 'utf8') }));
}

/** Mutants of the content folder `dir`: one file changed by one to four edits, sometimes renamed, sometimes with bytes that are not UTF-8. */
export function mutantArbitrary(dir: string): fc.Arbitrary<Mutant> {
  return fc
    .record({
      target: fc.constantFrom(...contentFiles(dir)),
      edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
      rename: rarely(fc.tuple(fc.nat(RENAMES.length - 1), fc.boolean())),
      badBytes: rarely(fc.tuple(at, fc.constantFrom([0xff], [0xc3], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0xfe, 0xff]))),
    })
    .map(({ target, edits, rename, badBytes }) => {
      let bytes = Buffer.from(edits.reduce((text, e) => e.apply(text), target.text), 'utf8');
      const description = [`${target.file}: ${edits.map((e) => e.description).join(', ')}`];
      if (badBytes) {
        const p = badBytes[0] % (bytes.length + 1);
        bytes = Buffer.concat([bytes.subarray(0, p), Buffer.from(badBytes[1]), bytes.subarray(p)]);
        description.push(`bytes ${badBytes[1].map((b) => b.toString(16)).join(' ')} at ${p}`);
      }
      const renameTo = rename ? RENAMES[rename[0]]!(target.file) : undefined;
      if (renameTo && renameTo !== target.file) {
        description.push(`${rename![1] ? 'copied' : 'moved'} to ${renameTo}`);
        return { file: target.file, bytes, renameTo, keepOriginal: rename![1], description: description.join('; ') };
      }
      return { file: target.file, bytes, description: description.join('; ') };
    });
}
