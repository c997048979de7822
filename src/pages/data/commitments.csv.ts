import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { csvTable } from '../../render/open-data.ts';
import { COMMITMENT_COLUMNS, commitmentRows } from '../../render/commitments/open-data.ts';
import { commitmentUrls } from '../../render/commitments/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { commitments } = await getPortal();
  return new Response(new Blob(csvTable(COMMITMENT_COLUMNS, commitmentRows(commitments, commitmentUrls(site)))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
