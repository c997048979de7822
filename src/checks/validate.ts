import { checkCatalog } from './catalog.ts';
import { checkCommitments } from './commitments/check-commitments.ts';
import { reportNameProblem } from '../reading/content-files.ts';
import { checkDepartments } from './departments.ts';
import { folderProblem } from './folders.ts';
import type { SourceFile } from '../reading/located-yaml.ts';
import type { Problem } from '../reading/problems.ts';
import { checkReport } from './report.ts';
import { reviewProblems } from './review.ts';
import { checkUnits } from './units.ts';
import { checkVocabulary } from './vocabulary.ts';
import { checkDisclosures, type DisclosedReport } from './disclosure/disclosure.ts';
import { unrecordedChanges, type PublishedFigure } from './disclosure/published.ts';

export interface ContentSources {
  reports: SourceFile[];
  catalog: SourceFile;
  departments: SourceFile;
  units: SourceFile;
  topics: SourceFile;
  reportTypes: SourceFile;
  /** The figures the live release published, when there is one: a changed figure needs a correction. */
  published?: readonly PublishedFigure[];
}

/** Validates all content together: each file alone, then what only the whole can tell. */
export function validateContent(sources: ContentSources): Problem[] {
  const { problems, units } = checkUnits(sources.units);
  const topics = checkVocabulary(sources.topics, 'topics');
  const reportTypes = checkVocabulary(sources.reportTypes, 'reportTypes');
  problems.push(...topics.problems, ...reportTypes.problems);
  const vocabularies = { topics: topics.terms, reportTypes: reportTypes.terms };
  const { problems: catalogProblems, catalog } = checkCatalog(sources.catalog, units, vocabularies.topics);
  problems.push(...catalogProblems);
  problems.push(...reviewProblems(sources));
  const departments = checkDepartments(sources.departments);
  problems.push(...departments.problems);
  // A data file that cannot be read at all is its one problem: every report checked against it would repeat it.
  const dataFiles: string[] = [sources.units.file, sources.catalog.file, sources.departments.file, sources.topics.file, sources.reportTypes.file];
  if (problems.some((p) => p.field === '' && dataFiles.includes(p.file))) return problems;
  const primary = departments.index.primary?.id;
  const seen = new Map<string, string>();
  const disclosed: DisclosedReport[] = [];
  for (const report of sources.reports) {
    const checked = checkReport(report, catalog, departments.index, units, vocabularies);
    problems.push(...checked.problems);
    if (checked.located) disclosed.push({ file: report.file, located: checked.located, department: departments.index.entries.get(checked.identity?.department ?? ''), year: checked.identity?.year });
    if (!checked.identity) continue;
    const { year, department, at } = checked.identity;
    const misplaced = folderProblem(report.file, department, primary);
    if (misplaced) problems.push({ file: report.file, ...at, field: 'department', message: misplaced });
    const key = `${department ?? ''}/${year}`;
    const other = seen.get(key);
    // A second report for a year: that is the problem to name, not its file name.
    const misnamed = other ? null : reportNameProblem(report.file, year);
    if (misnamed) problems.push({ file: report.file, ...at, field: 'year', message: misnamed });
    if (other) {
      const name = department ? `（${departments.index.names.get(department) ?? department}）` : '';
      problems.push({
        file: report.file, ...at, field: 'year',
        message: `${year} 年已有报告 ${other}${name}；每个单位每年只能有一份报告`,
      });
    } else {
      seen.set(key, report.file);
    }
  }
  problems.push(...checkDisclosures(disclosed), ...unrecordedChanges(disclosed, sources.published ?? []));
  // Commitments and their evidence reach across reports: checked once all are read.
  problems.push(...checkCommitments(sources.reports, catalog.ids, vocabularies.topics, primary));
  return problems;
}
