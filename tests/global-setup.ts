import { buildFixtureSite, buildSite, FIXTURE_SITES, TEST_SITES } from './support/site.ts';

// Builds the site once per test run (at the root and under a sub-path), and the fixture sites
// (tests/fixtures/departments), for the build and browser tests. Unit tests do not need it, but a run of the whole suite always tests the
// site as it is now, never a stale build.
export default async function setup(): Promise<void> {
  if (process.env.PORTAL_SKIP_TEST_BUILD === '1') return;
  for (const site of Object.values(TEST_SITES)) buildSite(site.dir, site.base);
  for (const site of Object.values(FIXTURE_SITES)) await buildFixtureSite(site);
}
