/** A number as it is written in a text: where it starts and ends, and its value. */
export interface WrittenNumber {
  start: number;
  end: number;
  text: string;
  value: number;
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/**
 * Parses a run of Chinese numerals (两, 十二, 三千五百, 万, 一万二千, 三万亿, 一千二百三十万亿零五百万);
 * NaN if it is not one. A big unit larger than every one before it multiplies all that came
 * before (三万亿 is 3万 亿, 3×10¹²); one that is not adds its own part (一亿二千万).
 */
export function parseChineseNumeral(text: string): number {
  let total = 0;
  let largest = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return Number.NaN; // 二三 is not a number
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch in BIG_UNITS) {
      const unit = BIG_UNITS[ch]!;
      const part = section + (digit ?? 0);
      if (unit > largest) {
        total = (total + part || 1) * unit;
        largest = unit;
      } else {
        total += (part || 1) * unit;
      }
      section = 0;
      digit = null;
    } else {
      return Number.NaN;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Digits with optional thousands separators (12,345.6: official texts keep them, the value is
 * 12345.6), or a run of Chinese numerals. A comma counts as a separator only between a
 * leading group of 1–3 digits and groups of exactly three, so "3,20" stays two numbers.
 */
const NUMBER_PATTERN = /\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+/gu;

/** Every number written in `text`, in digits or Chinese numerals, in order. */
export function findNumbers(text: string): WrittenNumber[] {
  const found: WrittenNumber[] = [];
  for (const match of text.matchAll(NUMBER_PATTERN)) {
    const written = match[0];
    const value = /\d/.test(written) ? Number(written.replaceAll(',', '')) : parseChineseNumeral(written);
    if (Number.isNaN(value)) continue;
    found.push({ start: match.index, end: match.index + written.length, text: written, value });
  }
  return found;
}
