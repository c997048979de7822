import { buildFixtureSite, buildSite, FIXTURE_SITES, TEST_SITES } from './tests/support/site.ts';
for (const site of Object.values(TEST_SITES)) buildSite(site.dir, site.base);
await buildFixtureSite(FIXTURE_SITES.departments);
