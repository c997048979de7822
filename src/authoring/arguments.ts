import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEPARTMENTS_FILE, REPORT_TYPES_FILE } from '../reading/content-files.ts';
import { readContentYaml } from '../reading/content-yaml.ts';
import type { ReportType } from '../schemas/report.ts';

/**
 * The command line of `npm run new-report` and `npm run import`, read by one parser: the year,
 * --type and --department mean the same in both; only the positional argument differs (the
 * year for new-report, the official file for import, whose year is then --year). Never throws:
 * a mistake is a message in Chinese for the editor, followed by the command's usage.
 */
export interface AuthoringCommand {
  /** Printed for --help and after every refusal. */
  usage: string;
  positional: 'year' | 'file';
  /** The first line of a refusal: what did not happen. */
  refused: string;
  /** Does the work under `root`; returns what to print, throws AuthoringRefusal when it cannot. */
  run(root: string, args: AuthoringArgs): Promise<string>;
}

export interface AuthoringArgs {
  year: number;
  /** One of content/report-types.yaml (runCommand checks it before run); left out, the command decides. */
  type: ReportType | undefined;
  /** The id as written; chooseDepartment looks it up. Left out: the primary department. */
  department: string | undefined;
  /** The official file (import only). */
  file: string | undefined;
}

export type ReadArguments = ({ kind: 'run' } & AuthoringArgs) | { kind: 'help'; message: string } | { kind: 'error'; message: string };

/** What stops a command, in Chinese for the editor; nothing is written. */
export class AuthoringRefusal extends Error {}

/** Years a new report may plausibly have (the schema itself accepts 1949–2100). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Full-width digits (２０２３) as typed with a Chinese input method become ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const MISSING_VALUE = {
  '--year': '--year 后面缺少年份，如 --year 2023。',
  '--type': `--type 后面缺少报告类型；可选的类型见 ${REPORT_TYPES_FILE}。`,
  '--department': `--department 后面缺少单位 id；可用的 id 见 ${DEPARTMENTS_FILE}。`,
} as const;
type Option = keyof typeof MISSING_VALUE;

const COUNTS = ['', '一', '两', '三'];

/** `a、b 和 c` */
const listed = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join('、')} 和 ${items.at(-1)}`);

/** Positional arguments and `--option value` / `--option=value` pairs, each option once. */
function split(argv: readonly string[], known: readonly Option[]): { positional: string[]; options: Partial<Record<Option, string>> } | string {
  const positional: string[] = [];
  const options: Partial<Record<Option, string>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!.trim();
    const option = known.find((o) => arg === o || arg.startsWith(`${o}=`));
    if (option) {
      if (options[option] !== undefined) return `${option} 只能写一次。`;
      const value = arg === option ? argv[++i]?.trim() : arg.slice(option.length + 1).trim();
      if (value === undefined || value === '' || value.startsWith('--')) return MISSING_VALUE[option];
      options[option] = value;
    } else if (arg.startsWith('-') && !/^-\d/.test(arg)) {
      // -5 is a (wrong) year for the checks that follow, not an option.
      return `未知的选项“${arg}”；只有 ${listed(known)} ${COUNTS[known.length]}个选项。`;
    } else if (arg !== '') {
      positional.push(arg);
    }
  }
  return { positional, options };
}

/** Reads the arguments after `npm run <command> --`. */
export function parseArguments(command: Pick<AuthoringCommand, 'usage' | 'positional'>, argv: readonly string[]): ReadArguments {
  const refuse = (message: string): ReadArguments => ({ kind: 'error', message: `${message}\n${command.usage}` });
  if (argv.some((arg) => arg.trim() === '--help' || arg.trim() === '-h')) return { kind: 'help', message: command.usage };
  const byFile = command.positional === 'file';
  const read = split(argv, byFile ? ['--year', '--type', '--department'] : ['--type', '--department']);
  if (typeof read === 'string') return refuse(read);
  const { positional, options } = read;
  if (positional.length === 0) {
    return refuse(byFile ? '缺少要导入的文件：请在 -- 后面写上原始文件的路径。' : '缺少年份：请在 -- 后面写上报告年度，如 npm run new-report -- 2023。');
  }
  if (positional.length > 1) {
    const extra = byFile ? '一次只导入一个文件（路径中有空格时请加引号）' : '一次只能创建一份报告，只写一个年份';
    return refuse(`参数太多：“${positional.join('”“')}”；${extra}。`);
  }
  const written = byFile ? options['--year'] : positional[0]!;
  if (written === undefined) return refuse('缺少 --year：请写上报告所属年度，如 --year 2023。');
  const digits = asciiDigits(written);
  if (!/^\d{4}$/.test(digits)) return refuse(`年份“${written}”不是四位数字；请写成如 2023 这样的四位阿拉伯数字（不带“年”字）。`);
  const year = Number(digits);
  if (year < MIN_YEAR || year > MAX_YEAR) return refuse(`年份 ${year} 不合理：应在 ${MIN_YEAR}–${MAX_YEAR} 之间；请检查是否写错。`);
  return { kind: 'run', year, type: options['--type'], department: options['--department'], file: byFile ? positional[0] : undefined };
}

/** What scripts/new-report.ts and scripts/import.ts do: read the arguments, run, print; exit code 1 on a refusal. */
export async function runCommand(command: AuthoringCommand, argv: readonly string[], root: string): Promise<void> {
  const args = parseArguments(command, argv);
  if (args.kind === 'help') {
    console.log(args.message);
    return;
  }
  try {
    if (args.kind === 'error') throw new AuthoringRefusal(args.message);
    const types = await readReportTypes(root);
    if (args.type !== undefined && !types.includes(args.type)) {
      throw new AuthoringRefusal(`未知的报告类型“${args.type}”；只能是：${types.join('、')}（须与原文一致，不带“报告”二字）。确是新的类型时，先在 ${REPORT_TYPES_FILE} 中加一项。\n${command.usage}`);
    }
    console.log(await command.run(root, args));
  } catch (error) {
    if (!(error instanceof AuthoringRefusal)) throw error;
    console.error(`${command.refused}：\n${error.message}`);
    process.exitCode = 1;
  }
}

/** The report types of content/report-types.yaml, in their order (the first is new-report's default). */
export async function readReportTypes(root: string): Promise<string[]> {
  const { data } = readContentYaml(await readFile(join(root, REPORT_TYPES_FILE), 'utf8'));
  const terms = Object.entries(data !== null && typeof data === 'object' ? data : {}) as [string, { order?: number }][];
  return terms.sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0)).map(([name]) => name);
}
