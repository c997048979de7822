import type { z } from 'astro/zod';
import { describeIssue } from './describe-issue.ts';
import { valueAt, type LocatedYaml } from '../reading/located-yaml.ts';
import { formatPath, type Problem } from '../reading/problems.ts';

/**
 * Parses `data` (the part of `located` at `basePath`) with a zod schema: the typed value, or the
 * problems, each located at its field and worded for editors.
 */
export function parseLocated<T extends z.ZodType>(
  file: string,
  located: LocatedYaml,
  schema: T,
  data: unknown,
  basePath: PropertyKey[] = [],
): { data: z.output<T> | undefined; problems: Problem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) => {
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => [...basePath, ...issue.path, key])
        : [[...basePath, ...issue.path]];
    return paths.map((path) => ({
      file,
      ...located.locate(path),
      field: formatPath(path),
      message: describeIssue(issue, valueAt(located.data, path)),
    }));
  });
  return { data: undefined, problems };
}

/** Skeleton placeholders (npm run new-report writes 待填写…) that an editor has not replaced. */
export const PLACEHOLDER = '待填写';

export function placeholderPaths(data: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof data === 'string') return data.includes(PLACEHOLDER) ? [path] : [];
  if (Array.isArray(data)) return data.flatMap((item, i) => placeholderPaths(item, [...path, i]));
  if (data !== null && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) => placeholderPaths(value, [...path, key]));
  }
  return [];
}
