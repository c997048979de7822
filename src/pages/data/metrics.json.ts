import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { downloadResponse, figureAddress, openDataAbout, openDataRows, toJson } from '../../render/open-data.ts';
import { contentLastChanged } from '../../reading/content-changed.ts';
import { figureHistories } from '../../render/disclosure/figure-history.ts';
import { disclosureRecord } from '../../domain/disclosure/metadata.ts';

/** A report's 政府信息公开 metadata as stated (an absent field is absent), and its corrections. */
const disclosureJson = (r: Awaited<ReturnType<typeof getPortal>>['reports'][number]) => {
  const { stated, publisher } = disclosureRecord(r.data, r.department);
  return {
    publisher,
    index_number: stated.indexNumber ?? null,
    written_date: stated.writtenDate ?? null,
    published_date: stated.publishedDate,
    document_number: stated.documentNumber ?? null,
    corrections: (r.data.corrections ?? []).map((c) => ({ date: c.date, metric_id: c.metric ?? null, what: c.what ?? null, from: c.from, to: c.to, reason: c.reason, decided_by: c.decidedBy })),
  };
};

export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const { figures, reports, departments } = portal;
  const extra = {
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    reports: reports.map((r) => ({ year: r.data.year, department: r.department.id, title: r.data.title, report_type: r.data.reportType, issuer: r.data.issuer, disclosure: disclosureJson(r) })),
  };
  const rows = openDataRows(figures, figureAddress(site), figureHistories(reports));
  return downloadResponse(toJson(openDataAbout(portal, undefined, contentLastChanged(), site!), rows, extra), 'json');
};
