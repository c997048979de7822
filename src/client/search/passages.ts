// Which passages of a found page a result card shows, and what it highlights, as pure functions
// of the page's Pagefind fragment. Pagefind's own excerpts mark each matched index word, so a
// query is highlighted piece by piece (低 + 保, or 五 in 五是) and the excerpt can start at a
// stray bracket. Here a page's sections (its headings with an id, as Pagefind's sub-results)
// are searched for the query's parts as whole strings: a section holding all of them comes
// first, the excerpt is cut around the first occurrence at a sentence or word start, and only
// whole parts (or the official terms an alias led to) are marked. A page that holds only pieces
// of the query (Pagefind matches word prefixes) gets an excerpt around Pagefind's matched
// words, with nothing marked.
import { decodeEntities } from '../../domain/html-entities.ts';
import { sentenceStart } from '../../domain/sentences.ts';
import { matchKey, type QueryVariant } from './query.ts';

/** The parts of a Pagefind fragment used here (after pagefind.js has loaded it). */
export interface FragmentLike {
  url: string;
  /** The page text, HTML-escaped (< and >), with a zero-width space at every index word break. */
  raw_content?: string;
  content: string;
  meta: Record<string, string | undefined>;
  anchors: Array<{ element: string; id: string; text?: string; title?: string; location: number }>;
  /** Index words Pagefind matched. */
  locations?: number[];
}

/** A run of excerpt text, highlighted or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface Passage {
  /** The section heading, or null for the text before the first heading (the page itself). */
  title: string | null;
  /** The page URL, with the section's anchor. */
  url: string;
  segments: Segment[];
  /**
   * How well the section holds the query: the best over the variants of the share of its parts
   * held as whole strings times the variant's weight (1 for all of the query as typed, 0: pieces only).
   */
  score: number;
}

/** Characters an excerpt shows around its first match. */
export const EXCERPT_CHARS = 72;
/** Characters of context before the first match, at most. */
const LEAD_CHARS = 22;
/** An excerpt starts and ends at a sentence, or at a list item (after ；). */
const EXCERPT_SENTENCES = { semicolons: true };
/** What an excerpt must not start with: closing or separating punctuation and spaces. */
const NO_START = /[\p{Pe}\p{Pf}\p{Po}\p{Pd}\p{Pc}\p{Z}\s]/u;

interface Section {
  title: string | null;
  url: string;
  start: number;
  /** Where the section's own text starts, after its heading. */
  body: number;
  end: number;
}

interface Hit {
  start: number;
  end: number;
  term: string;
}

/** The page text and the character offset at which each index word starts. */
function wordsOf(fragment: FragmentLike): { text: string; wordStart: number[] } {
  const words = decodeEntities(fragment.raw_content ?? fragment.content).split('\u200b');
  const wordStart: number[] = [];
  let text = '';
  for (const word of words) {
    wordStart.push(text.length);
    text += word;
  }
  return { text, wordStart };
}

/** The page's sections: the same headings Pagefind makes sub-results of. */
function sectionsOf(fragment: FragmentLike, text: string, wordStart: number[]): Section[] {
  const at = (location: number) => wordStart[location] ?? text.length;
  const anchors = fragment.anchors
    .filter((a) => a.id && ((a.title && /\S/.test(a.title)) || (/^h\d$/i.test(a.element) && a.text && /\S/.test(a.text))))
    .sort((a, b) => a.location - b.location);
  const starts = anchors.map((a) => at(a.location));
  const headingEnd = (start: number, heading: string | undefined) => {
    const h = heading?.trim() ?? '';
    const from = text.slice(start).search(/\S/) + start;
    return h && text.startsWith(h, from) ? from + h.length : start;
  };
  const title = fragment.meta['title'] ?? null;
  const sections: Section[] = [{ title: null, url: fragment.url, start: 0, body: headingEnd(0, title ?? ''), end: starts[0] ?? text.length }];
  anchors.forEach((anchor, i) => {
    const start = starts[i]!;
    const heading = anchor.title || anchor.text || '';
    sections.push({
      title: heading.trim(),
      url: `${fragment.url}#${encodeURIComponent(anchor.id)}`,
      start,
      body: headingEnd(start, heading),
      end: starts[i + 1] ?? text.length,
    });
  });
  return sections.filter((s) => s.end > s.start);
}

/**
 * Every occurrence of the terms in the text, as whole strings, matched as matchKey folds them;
 * longer terms first and no two overlapping.
 */
export function findTerms(text: string, terms: readonly string[]): Hit[] {
  const { key, origin } = matchKey(text);
  const taken: Hit[] = [];
  const sorted = [...new Set(terms)].map((term) => ({ term, needle: matchKey(term).key })).filter((t) => t.needle !== '');
  sorted.sort((a, b) => b.needle.length - a.needle.length);
  for (const { term, needle } of sorted) {
    for (let i = key.indexOf(needle); i !== -1; i = key.indexOf(needle, i + needle.length)) {
      const start = origin[i]!;
      const last = origin[i + needle.length - 1]!;
      const end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
      if (taken.some((h) => start < h.end && h.start < end)) continue;
      taken.push({ start, end, term });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Where an excerpt that should show `focus` starts: after a sentence end or at a word, never at punctuation. */
function excerptStart(text: string, wordStart: readonly number[], floor: number, focus: number): number {
  let start = Math.max(floor, focus - LEAD_CHARS);
  const sentence = sentenceStart(text, focus, EXCERPT_SENTENCES);
  if (sentence > start) start = sentence;
  else if (start > floor) start = wordStart.find((w) => w >= start && w <= focus) ?? focus;
  while (start < focus && NO_START.test(text[start]!)) start += 1;
  return start;
}

/** Where it ends: at most EXCERPT_CHARS on, at a sentence end near there or a word end, never inside a hit. */
function excerptEnd(text: string, wordStart: readonly number[], start: number, limit: number, hits: readonly Hit[]): number {
  let end = Math.min(limit, start + EXCERPT_CHARS);
  if (end >= limit) return limit;
  const sentence = sentenceStart(text, end, EXCERPT_SENTENCES);
  if (sentence > end - 16) end = sentence;
  else end = [...wordStart].reverse().find((w) => w <= end && w > start) ?? end;
  const cut = hits.find((h) => h.start < end && end < h.end);
  return cut ? cut.end : end;
}

function segmentsOf(text: string, start: number, end: number, hits: readonly Hit[], sectionStart: number, sectionEnd: number): Segment[] {
  const segments: Segment[] = [];
  const push = (from: number, to: number, mark: boolean) => {
    const piece = text.slice(from, to).replace(/\s+/g, ' ');
    if (piece) segments.push({ text: piece, mark });
  };
  let at = start;
  for (const hit of hits) {
    if (hit.end <= start || hit.start >= end) continue;
    push(at, Math.max(at, hit.start), false);
    push(Math.max(at, hit.start), Math.min(end, hit.end), true);
    at = Math.min(end, hit.end);
  }
  push(at, end, false);
  if (segments[0] && !segments[0].mark) segments[0].text = segments[0].text.trimStart();
  const last = segments.at(-1);
  if (last && !last.mark) last.text = last.text.trimEnd();
  if (start > sectionStart && text.slice(sectionStart, start).trim() !== '') segments.unshift({ text: '…', mark: false });
  if (end < sectionEnd && text.slice(end, sectionEnd).trim() !== '') segments.push({ text: '…', mark: false });
  return segments.filter((s) => s.text !== '');
}

/**
 * The passages of a page worth showing for a query, best first, at most `limit`: sections that
 * hold the query as typed, then its official terms (Passage.score), then more occurrences, then
 * page order. `variants` are the query as typed and with official terms; `marks` the strings to
 * highlight. With no whole part anywhere, one passage around Pagefind's matches.
 */
export function passagesOf(fragment: FragmentLike, variants: readonly QueryVariant[], marks: readonly string[], limit = 3): Passage[] {
  const { text, wordStart } = wordsOf(fragment);
  const sections = sectionsOf(fragment, text, wordStart);
  const hits = findTerms(text, marks);
  const scored = sections.map((section, order) => {
    const inside = hits.filter((h) => h.start >= section.start && h.end <= section.end);
    // A match in the section's own text counts fully; one only in its heading (or the page
    // title) half: the heading alone is a poor excerpt.
    const body = inside.filter((h) => h.start >= section.body);
    const terms = new Set((body.length > 0 ? body : inside).map((h) => h.term));
    const weighed = variants.map((v) => ({ v, score: (v.parts.filter((p) => terms.has(p)).length / v.parts.length) * v.weight * (body.length > 0 ? 1 : 0.5) }));
    const best = weighed.reduce((a, b) => (b.score > a.score ? b : a), { v: variants[0]!, score: 0 });
    // The excerpt starts at the first match of the best variant's parts, in the section's own text if it has one there.
    const wanted = inside.filter((h) => best.v?.parts.includes(h.term));
    const focus = wanted.find((h) => h.start >= section.body) ?? wanted[0] ?? body[0] ?? inside[0];
    return { section, inside, score: best.score, focus, order };
  });
  const shown = scored
    .filter((s) => s.inside.length > 0)
    .sort((a, b) => b.score - a.score || b.inside.length - a.inside.length || a.order - b.order)
    .slice(0, limit);
  if (shown.length > 0) {
    return shown.map(({ section, inside, score, focus: found }) => {
      const focus = found!;
      const floor = focus.start >= section.body ? section.body : section.start;
      const start = excerptStart(text, wordStart, floor, focus.start);
      const end = excerptEnd(text, wordStart, start, section.end, inside);
      return { title: section.title, url: section.url, segments: segmentsOf(text, start, end, inside, section.body, section.end), score };
    });
  }
  // Only pieces of the query: around the first word Pagefind matched in a section's own text
  // (not in a heading or the page title), unmarked.
  const located = [...(fragment.locations ?? [])].sort((a, b) => a - b).map((l) => wordStart[l] ?? 0);
  const sectionAt = (at: number) => sections.findLast((s) => s.start <= at) ?? sections[0];
  const focus = located.find((at) => at >= (sectionAt(at)?.body ?? 0)) ?? located[0] ?? 0;
  const section = sectionAt(focus);
  if (!section) return [];
  const floor = focus >= section.body ? section.body : section.start;
  const start = excerptStart(text, wordStart, floor, Math.max(focus, floor));
  const end = excerptEnd(text, wordStart, start, section.end, []);
  return [{ title: section.title, url: section.url, segments: segmentsOf(text, start, end, [], section.body, section.end), score: 0 }];
}
