import { z } from 'astro/zod';

/**
 * An editor's acknowledgement that the official text disagrees with itself at this place (a rate
 * its parts contradict, score rows that miss their total). The text is never changed: the
 * checker accepts the disagreement only with this note, and the page shows the reader the note,
 * what the text says and what its parts give.
 */
export const acknowledgementSchema = z.strictObject({
  note: z.string().min(1),
});

export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
