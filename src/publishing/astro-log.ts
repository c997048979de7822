// What `astro build` prints of each page it writes, one line a page in the order it generates
// them (astro/dist/core/build/generate.js): "  ├─ /reports/2022/index.html (+12ms)" when it
// rendered the page, "… (cached)" or "… (restored)" when its incremental build reused it. The
// line ends only once the file is written, so a reader of Astro's output knows the page is there
// (a page whose body was empty is said to be not created, and is not written). An endpoint's line
// gives its pathname, which for a route with parameters ends in the slash of trailingSlash
// 'always' ("/data/scores.csv/"), though the file has none (astro/dist/core/output-filename.js).

/** A page Astro has written: its file within the output folder, and whether it was reused. */
export interface WrittenPage {
  file: string;
  reused: boolean;
}

const PAGE_LINE = /[├└]─ \/(\S+) (?:\((cached|restored)\)|\(\+[^)]+\))\s*$/;

/** The page a line of Astro's build output says is written, if it is such a line (colours allowed). */
export function writtenPage(line: string): WrittenPage | undefined {
  const match = PAGE_LINE.exec(line.replace(/\x1b\[[\d;]*m/g, ''));
  return match ? { file: match[1]!.replace(/\/$/, ''), reused: match[2] !== undefined } : undefined;
}
