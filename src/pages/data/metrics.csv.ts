import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { downloadResponse, figureAddress, openDataRows, toCsv } from '../../render/open-data.ts';
import { figureHistories } from '../../render/disclosure/figure-history.ts';

export const GET: APIRoute = async ({ site }) => {
  const { figures, reports } = await getPortal();
  const rows = openDataRows(figures, figureAddress(site), figureHistories(reports));
  return downloadResponse(toCsv(rows), 'csv');
};
