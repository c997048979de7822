import type { CommitmentUrls } from './open-data.ts';
import { paths, url } from '../urls.ts';

/** Absolute URLs of the sentences, for open data (the configured site and base). */
export const commitmentUrls = (site: URL | undefined): CommitmentUrls => ({
  promise: (c) => new URL(url(paths.promise(c.reportKey, c.id)), site).href,
  outcome: (c, reportKey) => new URL(url(paths.outcome(reportKey, c.year, c.id)), site).href,
});
