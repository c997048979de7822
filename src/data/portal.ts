import { getCollection, type CollectionEntry } from 'astro:content';
import type { CatalogEntry } from '../schemas/catalog.ts';
import { TOPICS, type Topic } from '../schemas/topic.ts';
import { comparableSeries, seriesByMetric, type Series } from '../lib/compare.ts';
import { figuresOf, type FigureRecord } from '../lib/model.ts';
import { paths, withBase } from '../lib/urls.ts';

export interface Portal {
  /** Oldest first. */
  reports: CollectionEntry<'reports'>[];
  catalog: Map<string, CatalogEntry>;
  figures: FigureRecord[];
  series: Map<string, Series>;
  comparable: Series[];
  topicsInUse: Topic[];
}

let portal: Promise<Portal> | undefined;

async function load(): Promise<Portal> {
  const reports = (await getCollection('reports')).sort((a, b) => a.data.year - b.data.year);
  const entries = (await getCollection('metrics')).map((e) => e.data);
  const catalog = new Map(entries.map((e) => [e.id, e]));
  const figures = reports.flatMap((r) => figuresOf(r.data, catalog));
  const topicsInUse = TOPICS.filter((t) => figures.some((f) => f.topic === t));
  return {
    reports,
    catalog,
    figures,
    series: seriesByMetric(figures),
    comparable: comparableSeries(figures),
    topicsInUse,
  };
}

/** Everything the pages show, computed once per build from the typed collections. */
export function getPortal(): Promise<Portal> {
  portal ??= load();
  return portal;
}

/** A site path with the configured base, for links in pages. */
export const url = (path: string) => withBase(import.meta.env.BASE_URL, path);

/** Link to a figure in its report: the sentence it comes from, one click away. */
export const figureHref = (f: { year: number; metricId: string }) => url(paths.figure(f.year, f.metricId));
