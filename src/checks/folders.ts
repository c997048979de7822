/**
 * The folder a report sits in must agree with its department, so that its address is what the
 * editor expects: content/reports/<year>.mdx for the primary department, content/reports/<id>/…
 * for another. (A file moved into a folder but missing `department:` would otherwise silently
 * become the primary department's.)
 */
export function folderProblem(file: string, department: string | undefined, primary: string | undefined): string | null {
  const match = /^content\/reports\/(?:(.+)\/)?[^/]+$/.exec(file);
  if (!match || department === undefined) return null;
  const folder = match[1];
  if (department === primary) {
    return folder === undefined ? null : `本局（${primary}）的报告应直接放在 content/reports/ 下；在 ${folder}/ 文件夹中的报告须写 department: ${folder}`;
  }
  return folder === department ? null : `单位 ${department} 的报告应放在 content/reports/${department}/ 文件夹中（现在在 content/reports/${folder ? `${folder}/` : ''}）`;
}
