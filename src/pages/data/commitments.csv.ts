import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { csvTable, downloadResponse } from '../../render/open-data.ts';
import { COMMITMENT_COLUMNS, commitmentRows } from '../../render/commitments/open-data.ts';
import { commitmentUrls } from '../../render/commitments/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { commitments } = await getPortal();
  return downloadResponse(csvTable(COMMITMENT_COLUMNS, commitmentRows(commitments, commitmentUrls(site))), 'csv');
};
