import type { APIRoute } from 'astro';
import { getPortal } from '../../../data/portal.ts';
import { downloadResponse, downloadRows, openDataAbout, toJson } from '../../../render/open-data.ts';
import { metricDownloadRoutes } from '../../../routing/route-data.ts';

export const getStaticPaths = metricDownloadRoutes;

export const GET: APIRoute<Awaited<ReturnType<typeof metricDownloadRoutes>>[number]['props']> = async ({ props, site }) => {
  const { entry } = props;
  const about = openDataAbout(await getPortal(), `${entry.label}（${entry.unit}）`, props.lastChanged, site!);
  return downloadResponse(toJson(about, downloadRows(props, site), { metric: { id: entry.id, label: entry.label, unit: entry.unit, topic: entry.topic, definition: entry.definition } }), 'json');
};
