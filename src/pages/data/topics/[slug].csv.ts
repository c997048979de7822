import type { APIRoute } from 'astro';
import { downloadResponse, downloadRows, toCsv } from '../../../render/open-data.ts';
import { topicDownloadRoutes } from '../../../routing/route-data.ts';

// One topic's figures, every metric, department and year.
export const getStaticPaths = topicDownloadRoutes;

export const GET: APIRoute<Awaited<ReturnType<typeof topicDownloadRoutes>>[number]['props']> = ({ props, site }) =>
  downloadResponse(toCsv(downloadRows(props, site)), 'csv');
