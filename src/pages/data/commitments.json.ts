import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { commitmentRecordsJson } from '../../render/commitments/open-data.ts';
import { commitmentUrls } from '../../render/commitments/urls.ts';
import { downloadResponse, openDataAbout } from '../../render/open-data.ts';
import { contentLastChanged } from '../../reading/content-changed.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const about = openDataAbout(portal, '承诺与落实', contentLastChanged(), site!);
  const body = { title: about.title, reuse_terms: about.reuseTerms, last_changed: about.lastChanged ?? null, source: about.source, commitments: commitmentRecordsJson(portal.commitments, commitmentUrls(site)) };
  return downloadResponse([`${JSON.stringify(body, null, 2)}\n`], 'json');
};
