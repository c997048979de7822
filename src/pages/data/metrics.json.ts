import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { figureHref } from '../../render/urls.ts';
import { openDataRows } from '../../render/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { figures, reports, departments, strings } = await getPortal();
  const body = {
    title: strings.openData.title,
    license_note: strings.openData.licenseNote,
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    reports: reports.map((r) => ({ year: r.data.year, department: r.department.id, title: r.data.title, report_type: r.data.reportType, issuer: r.data.issuer })),
    figures: openDataRows(figures, (f) => new URL(figureHref(f), site).href),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
