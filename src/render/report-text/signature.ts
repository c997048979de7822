/**
 * Marks the last paragraph of a report's text as its signature line (class="signature", set
 * right-aligned by src/styles/reading.css) only when it is one: the name of the issuer or of the
 * department, or a date (2018年12月1日). Any other closing paragraph keeps the text's alignment.
 */
const DATE = /^[0-9０-９〇一二三四五六七八九十零]{4}年[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}日)?$/;

const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim();

export function isSignatureLine(text: string, names: readonly string[]): boolean {
  const line = text.trim();
  return line !== '' && (names.includes(line) || DATE.test(line));
}

export function markSignature(html: string, names: readonly string[]): string {
  // From the end: a signature may be a name and then a date, one paragraph each, with nothing after them.
  let result = html;
  let end = html.length;
  for (const match of [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].toReversed()) {
    if (!/^(?:\s|<\/(?:div|section)>)*$/.test(html.slice(match.index + match[0].length, end))) break;
    if (!isSignatureLine(textOf(match[1]!), names)) break;
    result = `${result.slice(0, match.index)}<p class="signature">${result.slice(match.index + '<p>'.length)}`;
    end = match.index;
  }
  return result;
}
