import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { commitmentRecordsJson } from '../../render/commitments/open-data.ts';
import { commitmentUrls } from '../../render/commitments/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { commitments, strings } = await getPortal();
  const body = { title: `${strings.siteName}：承诺与落实`, license_note: strings.openData.licenseNote, commitments: commitmentRecordsJson(commitments, commitmentUrls(site)) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
