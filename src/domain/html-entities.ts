/**
 * Character references in HTML: the rendered report the figures are marked in, the Word file's
 * HTML the importer reads, the page text Pagefind gives the search page. Named ones beyond
 * these are left as written, as is a number that is no character.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z]\w*));/y;

/** The character reference starting at `at`: what it stands for and how long it is written; null if none starts there. */
export function referenceAt(html: string, at: number): { text: string; length: number } | null {
  REFERENCE.lastIndex = at;
  const match = REFERENCE.exec(html);
  if (!match) return null;
  const [written, hex, decimal, name] = match;
  const code = hex !== undefined ? parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : null;
  const text = code === null ? NAMED[name!] : code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  return text === undefined ? null : { text, length: written.length };
}

/** `html`'s text with every character reference decoded. */
export function decodeEntities(html: string): string {
  let text = '';
  let from = 0;
  for (let at = html.indexOf('&'); at !== -1; at = html.indexOf('&', at + 1)) {
    const reference = referenceAt(html, at);
    if (!reference || at < from) continue;
    text += html.slice(from, at) + reference.text;
    from = at + reference.length;
  }
  return text + html.slice(from);
}
