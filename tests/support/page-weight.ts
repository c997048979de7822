// What a first visit to a page downloads before anyone clicks (its HTML, stylesheets, and
// scripts with their static imports), in bytes over the wire: the build's precompressed .br or
// .gz copy of each file, or the file itself where none was worth writing, which is exactly what
// nginx sends (tests/e2e/nginx.test.ts). Used by the budgets (tests/build/budgets.test.ts) and the benchmark.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileOf } from '../e2e/quality-support.ts';

/** What the browser accepts: br, gzip, or neither. */
export type Encoding = 'br' | 'gz' | 'none';

/** The bytes sent for `file` to a browser taking `encoding`. */
export const wireBytes = (file: string, encoding: Encoding) =>
  statSync(encoding !== 'none' && existsSync(`${file}.${encoding}`) ? `${file}.${encoding}` : file).size;

export interface Weight {
  html: number;
  css: number;
  js: number;
  total: number;
  styles: string[];
  scripts: string[];
}

/** Weighs the pages of the built site `site` (built under `site.base`). */
export function pageWeigher(site: { dir: string; base: string }) {
  /** A site URL path ('/_astro/x.js') as a file of the built site. */
  const fileOfUrl = (url: string) => join(site.dir, decodeURIComponent(url.replace(/^\//, '').slice(site.base.length - 1)));

  /** The script a specifier of the script `url` names, as a site URL path; undefined for a package. */
  const target = (url: string, spec: string) =>
    spec.startsWith('/') ? spec : spec.startsWith('.') ? resolve(dirname(url), spec) : undefined;

  /** A script and every script it imports statically (dynamic import() loads later, on demand). */
  function scriptClosure(url: string, seen = new Set<string>()): Set<string> {
    if (seen.has(url)) return seen;
    seen.add(url);
    const code = readFileSync(fileOfUrl(url), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+\s*from\s*)?["']([^"']+)["']/g)) {
      const next = target(url, m[1]!);
      if (next !== undefined) scriptClosure(next, seen);
    }
    return seen;
  }

  /** What a first visit to `path` downloads, as sent to a browser taking `encoding` (gzip unless said). */
  function weigh(path: string, encoding: Encoding = 'gz'): Weight {
    const htmlFile = fileOf(site.dir, path);
    const text = readFileSync(htmlFile, 'utf8');
    const styles = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const entries = [
      ...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
      ...text.matchAll(/<link rel="modulepreload" href="([^"]+)"/g),
    ].map((m) => m[1]!);
    const scripts = new Set<string>();
    for (const entry of entries) for (const s of scriptClosure(entry)) scripts.add(s);
    const css = styles.reduce((n, s) => n + wireBytes(fileOfUrl(s), encoding), 0);
    const js = [...scripts].reduce((n, s) => n + wireBytes(fileOfUrl(s), encoding), 0);
    const html = wireBytes(htmlFile, encoding);
    return { html, css, js, total: html + css + js, styles, scripts: [...scripts].sort() };
  }

  /**
   * What the scripts of a first visit to `path` fetch later, on demand: the scripts their
   * dynamic import()s name, each with its static imports (the chart code, fetched when a chart
   * comes near the viewport). Not part of the page's weight; held to budgets of their own.
   */
  function onDemand(path: string): string[] {
    const first = new Set(weigh(path).scripts);
    const later = new Set<string>();
    for (const url of first) {
      const code = readFileSync(fileOfUrl(url), 'utf8');
      for (const m of code.matchAll(/\bimport\(\s*(["'`])([^"'`]+)\1\s*\)/g)) {
        const next = target(url, m[2]!);
        if (next !== undefined) for (const s of scriptClosure(next)) if (!first.has(s)) later.add(s);
      }
    }
    return [...later].sort();
  }

  return { weigh, onDemand, fileOfUrl };
}
