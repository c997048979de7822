/**
 * The official text of a report body: what the bureau wrote, without the portal's additions.
 * Editor's notes (<EditorNote>…</EditorNote>) are removed and Markdown heading marks dropped,
 * so that each line is one paragraph or heading exactly as in the source document.
 */
/** The one component a report body may use (src/components/EditorNote.astro): an editor's note beside a slip in the text. */
export const EDITOR_NOTE_TAG = 'EditorNote';

/** An editor's note as a body writes it. */
export const editorNote = (text: string) => `<${EDITOR_NOTE_TAG}>${text}</${EDITOR_NOTE_TAG}>`;

export const EDITOR_NOTE_PATTERN = new RegExp(`<${EDITOR_NOTE_TAG}>[\\s\\S]*?</${EDITOR_NOTE_TAG}>`, 'g');

export function officialText(body: string): string {
  return body
    .replace(EDITOR_NOTE_PATTERN, '')
    .split('\n')
    .map((line) => line.replace(/^#{1,6}\s+/, '').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The paragraphs (and headings) of the official text, in order. */
export function officialParagraphs(body: string): string[] {
  return officialText(body).split('\n');
}
