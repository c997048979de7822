import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { figureHref } from '../../render/urls.ts';
import { openDataAbout, openDataRows, toJson } from '../../render/open-data.ts';
import { contentLastChanged } from '../../reading/content-changed.ts';

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const { figures, reports, departments } = portal;
  const extra = {
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    reports: reports.map((r) => ({ year: r.data.year, department: r.department.id, title: r.data.title, report_type: r.data.reportType, issuer: r.data.issuer })),
  };
  const rows = openDataRows(figures, (f) => new URL(figureHref(f), site).href);
  return new Response(toJson(openDataAbout(portal, undefined, contentLastChanged(), site!), rows, extra), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
