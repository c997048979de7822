/**
 * Related metrics: in the same topic, sharing a key term of their names (新增养老床位 ↔ 建设家庭养老
 * 床位 ↔ 护理型床位). A key term is a pair of adjacent Chinese characters of a name; a pair found
 * in many names (人数, 资金 …) says little and is not a key term. Pure: given the catalog.
 */
export interface NamedMetric {
  id: string;
  label: string;
  topic: string;
}

const HAN_PAIR = /^\p{Script=Han}{2}$/u;
/** A pair in more than this share of all names is too common to relate two metrics. */
const COMMON_SHARE = 0.1;

function pairsOf(label: string): Set<string> {
  const chars = [...label];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const pair = chars[i]! + chars[i + 1]!;
    if (HAN_PAIR.test(pair)) pairs.add(pair);
  }
  return pairs;
}

/**
 * For each metric id, the related metrics (never itself), most shared key terms first, then in
 * the catalog's order; at most `limit` each.
 */
export function relatedMetrics<M extends NamedMetric>(catalog: readonly M[], limit = 8): Map<string, M[]> {
  const pairs = new Map(catalog.map((m) => [m.id, pairsOf(m.label)]));
  const counts = new Map<string, number>();
  for (const set of pairs.values()) for (const p of set) counts.set(p, (counts.get(p) ?? 0) + 1);
  const common = (p: string) => (counts.get(p) ?? 0) > Math.max(2, catalog.length * COMMON_SHARE);
  const keyTerms = new Map([...pairs].map(([id, set]) => [id, new Set([...set].filter((p) => !common(p)))]));
  const related = new Map<string, M[]>();
  for (const metric of catalog) {
    const own = keyTerms.get(metric.id)!;
    const scored = catalog
      .map((other, order) => ({ other, order, shared: [...keyTerms.get(other.id)!].filter((p) => own.has(p)).length }))
      .filter(({ other, shared }) => other.id !== metric.id && other.topic === metric.topic && shared > 0)
      .sort((a, b) => b.shared - a.shared || a.order - b.order);
    related.set(metric.id, scored.slice(0, limit).map((s) => s.other));
  }
  return related;
}
