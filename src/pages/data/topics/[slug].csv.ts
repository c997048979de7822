import type { APIRoute } from 'astro';
import { downloadRows, toCsv } from '../../../render/open-data.ts';
import { topicDownloadRoutes } from '../../../routing/route-data.ts';

// One topic's figures, every metric, department and year.
export const getStaticPaths = topicDownloadRoutes;

export const GET: APIRoute<Awaited<ReturnType<typeof topicDownloadRoutes>>[number]['props']> = ({ props, site }) =>
  new Response(new Blob(toCsv(downloadRows(props, site))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
