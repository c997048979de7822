import { parse } from 'yaml';
import { PLACEHOLDER } from '../../checks/schema-problems.ts';
import type { CommitmentFields, EvidenceFields, Written } from '../content-writer.ts';
import { bigrams } from './grade.ts';
import { sentenceSpans } from '../../domain/sentences.ts';
import { splitFrontmatter } from '../../reading/frontmatter.ts';
import type { EvidenceStatus } from '../../schemas/report/commitment.ts';

/**
 * What npm run import proposes about commitments: in the new report, the forward-looking
 * clauses (将在…、计划、明年、下一步、确保…完成、力争 …) as commitments; and for the open
 * commitments of the department's earlier reports, the new report's clause that shares most of
 * their key terms, as evidence. Every proposal carries a review: line: the editor decides what
 * is a commitment and what the later text shows, never the importer.
 */

/** Words that make a clause forward-looking. 将 alone is also a preposition (将结果向社会公示): only with what follows. */
const FORWARD = /将(?:在|于|要|会|全面|进一步|继续|加快|力争|确保|启动|完成|建成|开工|实现|出台)|计划|明年|下一年|下一步|力争|拟于|确保.{0,30}完成/;

/** A heading over plans: every clause under it is a proposal. */
const PLAN_HEADING = /下一步|计划|打算|工作思路|工作目标|项目绩效情况/;

/** A signature line (the issuer alone on its line) closes a report; it is no plan. */
const SIGNATURE = /^[^，,]{2,20}(?:局|委员会|院|办公室|政府|中心)$/;

/** Words too common to link a later sentence to a commitment. */
const COMMON = ['工作', '建设', '完成', '推进', '继续', '开展', '全面', '加强', '进一步', '确保', '进行', '做好', '提升', '落实', '实现', '力争', '明年', '计划', '项目', '服务'];

export interface OfficialClause {
  text: string;
  /** The plan heading (下一步、计划 …) the clause comes after, if any: plans close a report. */
  planHeading: string | undefined;
}

/** The clauses of the official text: its sentences, each item of a list (；) apart (src/domain/sentences.ts); commas keep a clause whole. */
export function clausesOf(lines: readonly { text: string; heading: boolean }[]): OfficialClause[] {
  let planHeading: string | undefined;
  const clauses: OfficialClause[] = [];
  for (const line of lines) {
    if (line.heading) {
      if (PLAN_HEADING.test(line.text)) planHeading = line.text;
      continue;
    }
    for (const { start, end } of sentenceSpans(line.text, { semicolons: true })) {
      const text = line.text.slice(start, end).replace(/[。！？!?；;.]$/, '').trim();
      if (text !== '') clauses.push({ text, planHeading });
    }
  }
  return clauses;
}

/** A clause's parts between commas: a later report's evidence is often one of them. */
const partsOf = (clause: OfficialClause): string[] => clause.text.split(/[，,]/).map((p) => p.trim()).filter((p) => p !== '');

export interface ProposedCommitment {
  id: string;
  quote: string;
  /** Only when the clause names it: 明年 → the next year; 12月15日前, 年底, 年内 → this year; a year written out. */
  due: number | undefined;
  /** Why it was proposed, for the review line. */
  reason: string;
  /** A forward-looking word says it (else only its place under a plan heading). */
  marked: boolean;
}

function dueOf(clause: string, year: number): number | undefined {
  if (/明年|下一年/.test(clause)) return year + 1;
  const written = /((?:19|20)\d{2})年/.exec(clause);
  if (written && Number(written[1]) >= year) return Number(written[1]);
  if (/年底|年内|\d{1,2}月底|\d{1,2}月(?:\d{1,2}日)?前/.test(clause)) return year;
  return undefined;
}

/** Ids for proposals: free, ordered, and plainly to be renamed (commitment-2023-01 …). */
function ids(prefix: string, taken: ReadonlySet<string>): () => string {
  let n = 0;
  return () => {
    let id: string;
    do {
      n += 1;
      id = `${prefix}-${String(n).padStart(2, '0')}`;
    } while (taken.has(id));
    return id;
  };
}

/** Forward-looking clauses of a new report, each once, quotable as written (unique in the text). */
export function proposeCommitments(clauses: readonly OfficialClause[], officialText: string, year: number): ProposedCommitment[] {
  const next = ids(`commitment-${year}`, new Set());
  const seen = new Set<string>();
  return clauses.flatMap((c) => {
    // A name in quotation marks or 《》 (“生命马拉松公益计划”) says nothing about the future.
    const found = FORWARD.exec(c.text.replace(/“[^”]*”|《[^》]*》/g, (name) => '＿'.repeat(name.length)));
    if (!found && (c.planHeading === undefined || SIGNATURE.test(c.text))) return [];
    // From the comma before the marker: the promise, not the whole sentence before it.
    const quote = found ? c.text.slice(c.text.lastIndexOf('，', found.index) + 1) : c.text;
    // A quote must point at one place: a clause written twice is left for the editor.
    if (seen.has(quote) || officialText.indexOf(quote) !== officialText.lastIndexOf(quote)) return [];
    seen.add(quote);
    const reason = found ? `含“${found[0]}”` : `在“${c.planHeading}”之下`;
    return [{ id: next(), quote, due: dueOf(quote, year), reason, marked: found !== null }];
  });
}

/** Common words and the forward-looking ones cut the text: terms are the character pairs of what is left (grade.ts's bigrams). */
const CUT = new RegExp([...COMMON, '将', '的'].join('|'), 'g');
const keyTerms = (text: string): Set<string> => bigrams(text.replace(CUT, ' '));

export interface OpenCommitment {
  /** The year of the report that made it (same department). */
  year: number;
  id: string;
  quote: string;
}

export interface ProposedEvidence {
  report: number;
  commitment: string;
  commitmentQuote: string;
  quote: string;
  status: EvidenceStatus;
  /** The key terms both share, for the review line, and their share of the commitment's. */
  shared: string[];
  share: number;
}

/**
 * The commitments of a department's earlier reports that no report yet records as 已完成, read
 * from the report files as they are (a file the checker would refuse only lends what it can).
 */
export function openCommitments(reports: readonly { text: string }[], ofDepartment: (department: unknown) => boolean, year: number): OpenCommitment[] {
  const data = reports.flatMap((r) => {
    try {
      const { yaml } = splitFrontmatter(r.text);
      const parsed = yaml === null ? null : (parse(yaml) as Record<string, unknown> | null);
      return parsed && typeof parsed.year === 'number' && parsed.year < year && ofDepartment(parsed.department) ? [parsed] : [];
    } catch {
      return [];
    }
  });
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const done = new Set(data.flatMap((d) => list(d.evidence).filter((e) => e?.status === '已完成').map((e) => `${String(e.report)}/${String(e.commitment)}`)));
  return data.flatMap((d) => list(d.commitments)
    .filter((c) => typeof c?.id === 'string' && typeof c.quote === 'string' && !done.has(`${String(d.year)}/${c.id}`))
    .map((c) => ({ year: d.year as number, id: c.id as string, quote: c.quote as string })));
}

/** At least this many shared terms, and at least this share of the commitment's terms. */
const MIN_SHARED = 3;
const MIN_SHARE = 0.5;

/** Words in the later clause that suggest the status proposed (the editor checks it). */
const DONE = /建成|完成|投用|投入使用|实现|出台|印发|开工/;

/** For each open commitment, the clause of the new report that shares most of its key terms, if enough. */
export function proposeEvidence(open: readonly OpenCommitment[], clauses: readonly OfficialClause[], officialText: string): ProposedEvidence[] {
  const candidates = clauses.flatMap(partsOf).filter((part) => officialText.indexOf(part) === officialText.lastIndexOf(part));
  return open.flatMap((commitment) => {
    const terms = keyTerms(commitment.quote);
    if (terms.size === 0) return [];
    let best: { part: string; shared: string[] } | undefined;
    for (const part of candidates) {
      const theirs = keyTerms(part);
      const shared = [...terms].filter((t) => theirs.has(t));
      if (shared.length > (best?.shared.length ?? 0)) best = { part, shared };
    }
    if (!best || best.shared.length < MIN_SHARED || best.shared.length / terms.size < MIN_SHARE) return [];
    return [{
      report: commitment.year, commitment: commitment.id, commitmentQuote: commitment.quote,
      quote: best.part, status: DONE.test(best.part) ? '已完成' : '部分完成', shared: best.shared, share: best.shared.length / terms.size,
    }];
  });
}

/**
 * The proposals as the one frontmatter writer takes them (src/authoring/content-writer.ts), each
 * with a review: line graded as the figures' are (核对 / 存疑, src/authoring/import/grade.ts):
 * 核对 where the words say it (a forward-looking word; most of the commitment's key terms),
 * 存疑 where only the place or a few terms do.
 */
export function commitmentsWritten(commitments: readonly ProposedCommitment[]): Written<CommitmentFields>[] {
  return commitments.map((c) => ({
    fields: {
      id: c.id,
      topic: `${PLACEHOLDER}：主题`,
      due: c.due,
      quote: c.quote,
      review: `${c.marked ? '核对' : '存疑'}：npm run import 提议的承诺（${c.reason}）：确是承诺才保留，否则删去整项；改好 id（成为网址的一部分）、填写主题；due 只在原文写明完成时间时保留${c.due !== undefined ? `（此处按原文推得 ${c.due}）` : ''}`,
    },
  }));
}

/** Share of a commitment's key terms above which a proposed evidence is graded 核对 rather than 存疑. */
const CLOSE_SHARE = 0.75;

export function evidenceWritten(evidence: readonly ProposedEvidence[]): Written<EvidenceFields>[] {
  return evidence.map((e) => ({
    fields: {
      report: e.report,
      commitment: e.commitment,
      status: e.status,
      quote: e.quote,
      review: `${e.share >= CLOSE_SHARE ? '核对' : '存疑'}：npm run import 按共同用语（${e.shared.join('、')}）提议：本报告这句话可能说明了 ${e.report} 年的承诺“${e.commitmentQuote}”的落实情况。确实说明了才保留，引文可加长；status 只按这句话写（已完成 / 部分完成 / 未完成）；没有说明就删去整项，网站会显示“后续报告未提及”`,
    },
  }));
}
