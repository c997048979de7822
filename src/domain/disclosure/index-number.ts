/**
 * 索引号 (《政府信息公开目录系统实施指引（试行）》): the publishing body's organisation code, the
 * year, and a five-digit serial, e.g. 11430105MB1234567X/2023-00001. It is assigned once and
 * kept for the document's life. The portal never assigns one itself: without the department's
 * code (content/departments.yaml) a report has no 索引号, and the page says so.
 */
export function indexNumberPattern(organisationCode: string): RegExp {
  return new RegExp(`^${organisationCode.replace(/[^0-9A-Z]/g, '')}/\\d{4}-\\d{5}$`);
}
