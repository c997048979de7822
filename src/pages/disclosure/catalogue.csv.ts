import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { catalogueCsv, catalogueEntries, catalogueRows } from '../../render/disclosure/catalogue.ts';
import { downloadResponse } from '../../render/open-data.ts';
import { absoluteUrl } from '../../render/site-map.ts';

/** /disclosure/catalogue.csv: the 政府信息公开目录 as CSV (UTF-8 with BOM, like the open data). */
export const GET: APIRoute = async ({ site }) => {
  const { reports } = await getPortal();
  const rows = catalogueRows(catalogueEntries(reports, (path) => absoluteUrl(site, import.meta.env.BASE_URL, path)));
  return downloadResponse(catalogueCsv(rows), 'csv');
};
