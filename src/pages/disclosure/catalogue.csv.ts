import type { APIRoute } from 'astro';
import { catalogueCsv } from '../../render/disclosure/catalogue.ts';
import { downloadResponse } from '../../render/open-data.ts';
import { disclosureCatalogue } from '../../routing/route-data.ts';

/** /disclosure/catalogue.csv: the 政府信息公开目录 as CSV (UTF-8 with BOM, like the open data). */
export const GET: APIRoute = async () => downloadResponse(catalogueCsv((await disclosureCatalogue()).rows), 'csv');
