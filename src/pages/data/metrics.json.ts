import type { APIRoute } from 'astro';
import { figureHref, getPortal } from '../../data/portal.ts';
import { openDataRows } from '../../render/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { figures, reports, shelves } = await getPortal();
  const body = {
    title: '长沙市开福区民政局绩效报告指标数据',
    license_note: '数字取自长沙市开福区民政局发布的报告原文，每条注明原文引文和所在位置。',
    departments: shelves.map((s) => ({ id: s.department.id, name: s.department.name })),
    reports: reports.map((r) => ({ year: r.data.year, department: r.department.id, title: r.data.title, report_type: r.data.reportType, issuer: r.data.issuer })),
    figures: openDataRows(figures, (f) => new URL(figureHref(f), site).href),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
