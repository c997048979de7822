// scripts/build.ts hands each page to Pagefind once Astro's build output says it is written; the
// lines as Astro 7 prints them (astro/dist/core/build/generate.js), coloured or not.
import { describe, expect, it } from 'vitest';
import { writtenPage } from '../../src/publishing/astro-log.ts';

describe('a page written, as Astro’s build output says it', () => {
  it('reads a rendered page, with its time in ms, s or minutes', () => {
    expect(writtenPage('05:30:02   ├─ /404.html (+49ms) ')).toEqual({ file: '404.html', reused: false });
    expect(writtenPage('  ├─ /reports/2022/index.html (+1.23s) ')).toEqual({ file: 'reports/2022/index.html', reused: false });
    expect(writtenPage('  └─ /reports/kaifu-civil/2025/index.html (+1m 5s) ')).toEqual({ file: 'reports/kaifu-civil/2025/index.html', reused: false });
  });

  it('reads a page the incremental build reused', () => {
    expect(writtenPage('05:30:02   ├─ /citations/2018.json (restored)')).toEqual({ file: 'citations/2018.json', reused: true });
    expect(writtenPage('  ├─ /metrics/x/index.html (cached)')).toEqual({ file: 'metrics/x/index.html', reused: true });
  });

  it('reads an endpoint with parameters as the file it wrote, without the slash its pathname ends in', () => {
    expect(writtenPage('03:31:52   ├─ /data/scores.csv/ (+3ms) ')).toEqual({ file: 'data/scores.csv', reused: false });
  });

  it('reads through the colours of a terminal', () => {
    expect(writtenPage('\x1b[34m├─\x1b[39m \x1b[2m/topics/veterans/index.html\x1b[22m \x1b[2m(+3ms)\x1b[22m ')).toEqual({ file: 'topics/veterans/index.html', reused: false });
  });

  it('takes no page from a line not yet ended, a page not created, or another line', () => {
    expect(writtenPage('  ├─ /reports/2022/index.html')).toBeUndefined();
    expect(writtenPage('  ├─ /a/index.html (+3ms) (file not created, response body was empty)')).toBeUndefined();
    expect(writtenPage('05:35:24 [build] 175 page(s) built in 2.45s')).toBeUndefined();
    expect(writtenPage(' generating static routes ')).toBeUndefined();
  });
});
