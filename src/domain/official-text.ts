/**
 * The official text of a report body: what the bureau wrote, without the portal's additions.
 * Editor's notes (<EditorNote>…</EditorNote>) are removed and Markdown heading marks dropped,
 * so that each line is one paragraph or heading exactly as in the source document. A Markdown
 * table row is its cells' text joined by a space, as the rendered row reads; the delimiter
 * row (| --- | ---: |) is markup, not text.
 */
/** The one component a report body may use (src/components/EditorNote.astro): an editor's note beside a slip in the text. */
export const EDITOR_NOTE_TAG = 'EditorNote';

/** An editor's note as a body writes it. */
export const editorNote = (text: string) => `<${EDITOR_NOTE_TAG}>${text}</${EDITOR_NOTE_TAG}>`;

export const EDITOR_NOTE_PATTERN = new RegExp(`<${EDITOR_NOTE_TAG}>[\\s\\S]*?</${EDITOR_NOTE_TAG}>`, 'g');

/** Between the cells of a table row, in the official text and in figure marking alike. */
export const TABLE_CELL_SEPARATOR = ' ';

const TABLE_ROW = /^\|.*\|$/;
const TABLE_DELIMITER = /^\|(?:\s*:?-+:?\s*\|)+$/;

/** One line of the official text: a heading, a paragraph or a table row (with its cells). */
export interface OfficialLine {
  text: string;
  heading: boolean;
  cells?: string[];
}

export function officialLines(body: string): OfficialLine[] {
  return body
    .replace(EDITOR_NOTE_PATTERN, '')
    .split('\n')
    .flatMap((raw): OfficialLine[] => {
      const line = raw.replace(/^#{1,6}\s+/, '').trim();
      if (line === '' || TABLE_DELIMITER.test(line)) return [];
      if (!TABLE_ROW.test(line)) return [{ text: line, heading: line !== raw.trim() }];
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim().replaceAll('\\|', '|'));
      return [{ text: cells.join(TABLE_CELL_SEPARATOR), heading: false, cells }];
    });
}

export function officialText(body: string): string {
  return officialLines(body).map((line) => line.text).join('\n');
}

/** The paragraphs (and headings) of the official text, in order. */
export function officialParagraphs(body: string): string[] {
  return officialText(body).split('\n');
}
