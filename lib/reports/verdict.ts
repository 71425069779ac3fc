import type { ClauseId } from '../checks/types';
import type { CoverageClause } from './coverage';

/**
 * What a reviewer reads first about a clause: `fail` (an unacknowledged error), `review` (only
 * unacknowledged warnings: a value the templates cannot decide), `pass` (every automated check
 * passed or was acknowledged; procedural items still need their documents), `procedural` (no
 * template can prove the clause; the documents are the evidence).
 */
export type Verdict = 'fail' | 'review' | 'pass' | 'procedural';

/** Worst first: the overall verdict is the worst clause verdict. */
const SEVERITY: Readonly<Record<Verdict, number>> = { fail: 3, review: 2, pass: 1, procedural: 0 };

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  fail: 'Fails',
  review: 'Needs review',
  pass: 'Passes',
  procedural: 'Procedural',
};

/** Errors and warnings found outside the templates (e.g. by `dpp audit`) that count for a clause. */
export interface ExtraFindings {
  readonly errors: number;
  readonly warnings: number;
}

/** A clause's verdict from its rules' outcomes on the checked templates, and findings from elsewhere. */
export function clauseVerdict(clause: CoverageClause, extra: ExtraFindings = { errors: 0, warnings: 0 }): Verdict {
  const r = clause.results;
  if ((r?.failed.length ?? 0) > 0 || extra.errors > 0) return 'fail';
  if ((r?.warned.length ?? 0) > 0 || extra.warnings > 0) return 'review';
  return clause.status === 'procedural' ? 'procedural' : 'pass';
}

/** The overall verdict: the worst of the clauses' (`pass` when every clause is procedural or passes). */
export function overallVerdict(verdicts: Iterable<Verdict>): Exclude<Verdict, 'procedural'> {
  let worst: Verdict = 'pass';
  for (const v of verdicts) if (SEVERITY[v] > SEVERITY[worst]) worst = v;
  return worst === 'procedural' ? 'pass' : worst;
}

/** Verdicts of every clause of a coverage matrix, in its order. */
export function clauseVerdicts(clauses: readonly CoverageClause[], extra?: ReadonlyMap<ClauseId, ExtraFindings>): Map<ClauseId, Verdict> {
  return new Map(clauses.map((c) => [c.id, clauseVerdict(c, extra?.get(c.id))]));
}
