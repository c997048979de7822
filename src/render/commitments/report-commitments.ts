import type { CommitmentRecord } from '../../domain/commitments.ts';
import { outcomeAnchor, paths, promiseAnchor } from '../urls.ts';
import { commitmentView, viewContext, type CommitmentView, type PortalLike } from './commitment-view.ts';
import type { PassageMark } from './mark-passages.ts';

/**
 * What a report page shows of commitments: those it made (with what became of them), the
 * earlier ones it reports on, and the sentences to mark in its text (hrefs without the base).
 */
export function reportCommitments(portal: PortalLike & { commitments: readonly CommitmentRecord[] }, key: string) {
  const context = viewContext(portal);
  const made = portal.commitments.filter((c) => c.reportKey === key);
  const reportedOn = portal.commitments.filter((c) => c.outcomes.some((o) => o.reportKey === key));
  const passages: PassageMark[] = [
    ...made.map((c) => ({
      quote: c.quote, kind: 'promise' as const, anchor: promiseAnchor(c.id),
      href: paths.commitment(c.reportKey, c.id), label: `承诺 · ${c.status}`,
    })),
    ...reportedOn.map((c) => ({
      quote: c.outcomes.find((o) => o.reportKey === key)!.quote, kind: 'outcome' as const, anchor: outcomeAnchor(c.year, c.id),
      href: paths.commitment(c.reportKey, c.id), label: `${c.year}年承诺的落实`,
    })),
  ];
  const view = (c: CommitmentRecord): CommitmentView => commitmentView(c, context);
  return { made: made.map(view), reportedOn: reportedOn.map(view), passages };
}
