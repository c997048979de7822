/**
 * The official text of a report body: what the bureau wrote, without the portal's additions.
 * Editor's notes (<EditorNote>…</EditorNote>) are removed and Markdown heading marks dropped,
 * so that each line is one paragraph or heading exactly as in the source document. A Markdown
 * table row is its cells' text joined by a space, as the rendered row reads; the delimiter
 * row (| --- | ---: |) is markup, not text.
 */
export const EDITOR_NOTE_PATTERN = /<EditorNote>[\s\S]*?<\/EditorNote>/g;

/** Between the cells of a table row, in the official text and in figure marking alike. */
export const TABLE_CELL_SEPARATOR = ' ';

const TABLE_ROW = /^\|.*\|$/;
const TABLE_DELIMITER = /^\|(?:\s*:?-+:?\s*\|)+$/;

function rowText(line: string): string {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'))
    .join(TABLE_CELL_SEPARATOR);
}

export function officialText(body: string): string {
  return body
    .replace(EDITOR_NOTE_PATTERN, '')
    .split('\n')
    .map((line) => line.replace(/^#{1,6}\s+/, '').trim())
    .filter((line) => line !== '' && !TABLE_DELIMITER.test(line))
    .map((line) => (TABLE_ROW.test(line) ? rowText(line) : line))
    .join('\n');
}

/** The paragraphs (and headings) of the official text, in order. */
export function officialParagraphs(body: string): string[] {
  return officialText(body).split('\n');
}
