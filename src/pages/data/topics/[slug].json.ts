import type { APIRoute } from 'astro';
import { getPortal } from '../../../data/portal.ts';
import { downloadResponse, downloadRows, openDataAbout, toJson } from '../../../render/open-data.ts';
import { topicDownloadRoutes } from '../../../routing/route-data.ts';

export const getStaticPaths = topicDownloadRoutes;

export const GET: APIRoute<Awaited<ReturnType<typeof topicDownloadRoutes>>[number]['props']> = async ({ props, site }) => {
  const about = openDataAbout(await getPortal(), `主题：${props.topic}`, props.lastChanged, site!);
  return downloadResponse(toJson(about, downloadRows(props, site), { topic: props.topic }), 'json');
};
