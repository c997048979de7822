/**
 * The official text of a report body: what the bureau wrote, without the portal's additions.
 * Editor's notes (<EditorNote>…</EditorNote>) are removed and Markdown heading marks dropped,
 * so that each line is one paragraph or heading exactly as in the source document.
 */
export const EDITOR_NOTE_PATTERN = /<EditorNote>[\s\S]*?<\/EditorNote>/g;

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
