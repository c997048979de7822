import type { APIRoute } from 'astro';
import { downloadResponse, downloadRows, toCsv } from '../../../render/open-data.ts';
import { metricDownloadRoutes } from '../../../routing/route-data.ts';

// One metric's figures, every department and year: "下载本图数据" beside its chart.
export const getStaticPaths = metricDownloadRoutes;

export const GET: APIRoute<Awaited<ReturnType<typeof metricDownloadRoutes>>[number]['props']> = ({ props, site }) =>
  downloadResponse(toCsv(downloadRows(props, site)), 'csv');
