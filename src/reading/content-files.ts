import { lstat, readdir } from 'node:fs/promises';
import { basename, extname, join, matchesGlob, posix } from 'node:path';
import type { Problem } from './problems.ts';

/**
 * What is content: the one definition the Astro loaders (src/content.config.ts) and the checker
 * share. A file the site publishes is a report matching REPORTS.pattern under REPORTS.base, or
 * one of DATA_FILES; every other file under CONTENT_DIR is an error, so that the checker never
 * passes a file the build leaves out.
 */
export const CONTENT_DIR = 'content';
export const REPORTS = { base: 'content/reports', pattern: '**/*.mdx' } as const;
export const DATA_FILES = {
  catalog: 'content/metrics.yaml',
  departments: 'content/departments.yaml',
  units: 'content/units.yaml',
  topics: 'content/topics.yaml',
  reportTypes: 'content/report-types.yaml',
} as const;

/** Short names for the paths above, as the CLI and the messages use them. */
export const REPORTS_DIR = REPORTS.base;
export const CATALOG_FILE = DATA_FILES.catalog;
export const DEPARTMENTS_FILE = DATA_FILES.departments;
export const UNITS_FILE = DATA_FILES.units;
export const TOPICS_FILE = DATA_FILES.topics;
export const REPORT_TYPES_FILE = DATA_FILES.reportTypes;
/** The data files, as a message lists them. */
const DATA_FILES_IN_WORDS = `指标目录是 ${DATA_FILES.catalog}，单位列表是 ${DATA_FILES.departments}，单位表是 ${DATA_FILES.units}，主题表是 ${DATA_FILES.topics}，报告类型表是 ${DATA_FILES.reportTypes}`;

const DATA_FILE_PATHS: readonly string[] = Object.values(DATA_FILES);
const REPORT_EXTENSION = extname(REPORTS.pattern);
/** Where a report belongs, from a misplaced or misnamed one: content/reports/<name>.mdx. */
const reportPathFor = (file: string) => posix.join(REPORTS.base, `${basename(file, extname(file))}${REPORT_EXTENSION}`);

const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', '.directory']);
const WORD_EXTENSIONS = new Set(['.doc', '.docx', '.docm', '.wps', '.rtf', '.odt']);
const OTHER_DOCUMENT_EXTENSIONS = new Set(['.pdf', '.xls', '.xlsx', '.et', '.csv', '.ppt', '.pptx', '.txt', '.html', '.htm']);
const TEXT_REPORT_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mdx']);
const BACKUP = /(?:~|\.(?:bak|tmp|temp|swp|swo|orig|rej))$/i;

/** Why `file` (relative to the project root, `/`-separated) is not content, or null when it is. */
export function strayFileMessage(file: string): string | null {
  const inReports = posix.relative(REPORTS.base, file);
  const underReports = !inReports.startsWith('../');
  // Astro's glob (tinyglobby) skips dot-files and dot-folders, whatever the pattern says.
  const hidden = file.split('/').some((part) => part.startsWith('.'));
  if (underReports && !hidden && matchesGlob(inReports, REPORTS.pattern)) return null;
  if (DATA_FILE_PATHS.includes(file)) return null;
  const name = basename(file);
  const lower = name.toLowerCase();
  const ext = extname(lower);
  if (name.startsWith('~$')) {
    return '这是 Word/WPS/Excel 打开文件时生成的临时锁定文件，不会发布：关闭该文档后删除它，不要提交';
  }
  if (SYSTEM_FILES.has(lower) || name.startsWith('._')) {
    return '这是操作系统自动生成的文件，不会发布：删除它，不要提交';
  }
  if (BACKUP.test(name) || name.startsWith('.#')) {
    return '这是编辑器留下的备份或临时文件，不会发布：删除它，不要提交';
  }
  if (file.split('/').slice(0, -1).some((part) => part.startsWith('.'))) {
    return `隐藏文件夹中的文件不会发布：报告请放在 ${REPORTS.base}/ 下（文件夹名不以“.”开头），不需要的请删除`;
  }
  if (name.startsWith('.')) return '隐藏文件（名字以“.”开头）不会发布：删除它；若是报告，请去掉开头的“.”';
  if (WORD_EXTENSIONS.has(ext)) {
    return `Word 文件不会发布：把正文和数字整理成 ${reportPathFor(file)}（见 docs/editing.md），原始文件请存放在 content/ 以外`;
  }
  if (OTHER_DOCUMENT_EXTENSIONS.has(ext)) {
    return `${ext.slice(1).toUpperCase()} 文件不会发布：报告须整理成 ${reportPathFor(file)}（见 docs/editing.md），原始文件请存放在 content/ 以外`;
  }
  if (TEXT_REPORT_EXTENSIONS.has(ext)) {
    if (underReports) {
      return `报告文件须以小写的 ${REPORT_EXTENSION} 结尾，否则不会发布：请改名为 ${posix.join(posix.dirname(file), basename(reportPathFor(file)))}`;
    }
    return `报告须放在 ${REPORTS.base}/ 下才会发布：请移到 ${reportPathFor(file)}（其他单位的报告放在 ${REPORTS.base}/<单位 id>/ 下）`;
  }
  if (ext === '.yaml' || ext === '.yml') {
    return `不认识的数据文件，不会被读取：${DATA_FILES_IN_WORDS}；请改名或删除`;
  }
  return `${CONTENT_DIR}/ 中不认识的文件，不会发布：报告放在 ${REPORTS.base}/<年份>${REPORT_EXTENSION}，${DATA_FILES_IN_WORDS}；其他文件请移出 ${CONTENT_DIR}/`;
}

/**
 * A report's file is named for its year: Astro derives each entry's id from the file name
 * (lower-cased, punctuation dropped), and of two files whose names give the same id only one is
 * published, with nothing but a warning in the build log.
 */
export function reportNameProblem(file: string, year: number): string | null {
  const expected = `${year}${REPORT_EXTENSION}`;
  return basename(file) === expected ? null : `报告的文件名须是年份 ${expected}（与 year 一致），否则可能与其他报告的网址冲突而不发布：请改名为 ${posix.join(posix.dirname(file), expected)}`;
}

export interface ContentFiles {
  /** Report files the site publishes, relative to the project root, sorted. */
  reports: string[];
  /** The DATA_FILES that are there as regular files. */
  dataFiles: string[];
  /** Files and folders that are not content, each an error naming it. */
  problems: Problem[];
}

const fileProblem = (file: string, message: string): Problem => ({ file, line: 1, column: 1, field: '', message });

/**
 * Every entry under content/, without following a symlink or opening anything but folders:
 * a symlink could make the build read a file outside the repository, and a FIFO or device
 * would block a reader for ever.
 */
export async function listContentFiles(root: string): Promise<ContentFiles> {
  const reports: string[] = [];
  const dataFiles: string[] = [];
  const problems: Problem[] = [];
  const visit = async (path: string, isTop: boolean): Promise<void> => {
    let stats;
    try {
      stats = await lstat(join(root, path));
    } catch (error) {
      const missing = isTop && (error as NodeJS.ErrnoException).code === 'ENOENT';
      problems.push(fileProblem(path, missing
        ? `找不到文件夹 ${CONTENT_DIR}/；内容须放在项目根目录下的 ${CONTENT_DIR}/ 中（见 docs/editing.md）`
        : `无法读取：${(error as Error).message}`));
      return;
    }
    if (stats.isSymbolicLink()) {
      problems.push(fileProblem(path, '这是符号链接（快捷方式），不会被读取，以免读到仓库以外的文件：请换成真正的文件或文件夹'));
    } else if (stats.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(join(root, path));
      } catch (error) {
        problems.push(fileProblem(path, `无法读取文件夹：${(error as Error).message}；请检查权限`));
        return;
      }
      await Promise.all(names.sort().map((name) => visit(posix.join(path, name), false)));
    } else if (isTop) {
      problems.push(fileProblem(path, `${CONTENT_DIR} 应是一个文件夹`));
    } else if (!stats.isFile()) {
      problems.push(fileProblem(path, '这不是普通文件（可能是管道或设备），不会被读取：删除它'));
    } else {
      const message = strayFileMessage(path);
      if (message === null) {
        (DATA_FILE_PATHS.includes(path) ? dataFiles : reports).push(path);
      } else {
        problems.push(fileProblem(path, message));
      }
    }
  };
  await visit(CONTENT_DIR, true);
  return { reports: reports.sort(), dataFiles, problems };
}
