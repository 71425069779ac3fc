import { createHash } from 'node:crypto';
import type { ClauseId } from '../checks/types';
import { checkJson } from '../reports/check-json';
import { formatCheckJunit } from '../reports/check-junit';
import { summarise, type CheckReport, type ReportedFinding } from '../reports/check-report';
import { formatCheckSarif } from '../reports/check-sarif';
import { coverage } from '../reports/coverage';
import { formatCoverageHtml, formatCoverageJson, formatCoverageMarkdown } from '../reports/coverage-format';
import type { ReportStamp } from '../reports/html';
import { markdownCell } from '../reports/markdown';
import { processingRecord } from '../reports/processing';
import { formatProcessingCsv, formatProcessingMarkdown } from '../reports/processing-format';
import { clauseVerdicts, overallVerdict, type ExtraFindings } from '../reports/verdict';
import type { AccessReviewInput } from './access-review-input';
import { appFacts } from './app-facts';
import { fillDocument, PROCEDURAL_DOCUMENTS, type DocumentInputs } from './documents';
import { formatIndexHtml } from './index-html';
import { evidenceProfile, type EvidenceProfile } from './profile';

/** One file of the pack, by its path inside the pack (always `/`-separated). */
export interface EvidenceFile {
  readonly path: string;
  readonly content: string;
}

/** What the evidence pack is built from. Everything that varies between runs is an input, so tests pin it. */
export interface EvidenceOptions {
  /** The check of the app's templates (`checkTemplates`). */
  readonly report: CheckReport;
  /** Date, tool version and commit. */
  readonly stamp: ReportStamp;
  /**
   * The policy profile whose numbers the documents quote.
   * @default - the numbers of the profile the report's rules ran under
   */
  readonly profile?: EvidenceProfile;
  /** `dpp audit --format json` output, copied in and summarised; its findings count toward 2.2–2.4. */
  readonly accessReview?: AccessReviewInput;
  /** Reads a shipped document template (`docs/…md`) by its path relative to the package. */
  readonly readTemplate: (template: string) => string;
}

export const MANIFEST = 'manifest.json';

/** The manifest: every other file with its size and SHA-256, to verify the pack later (`sha256sum`). */
export interface Manifest {
  readonly version: 1;
  readonly tool: { readonly name: 'dpp-baseline'; readonly version: string };
  readonly generatedAt: string;
  readonly commit: string | null;
  readonly profile: string;
  readonly files: ReadonlyArray<{ readonly path: string; readonly bytes: number; readonly sha256: string }>;
}

export function sha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

function countsByClause<T>(items: readonly T[], clause: (item: T) => ClauseId, level: (item: T) => string): Map<ClauseId, ExtraFindings> {
  const out = new Map<ClauseId, { errors: number; warnings: number }>();
  for (const item of items) {
    const entry = out.get(clause(item)) ?? { errors: 0, warnings: 0 };
    if (level(item) === 'error') entry.errors += 1;
    else entry.warnings += 1;
    out.set(clause(item), entry);
  }
  return out;
}

function acknowledgmentsMarkdown(findings: readonly ReportedFinding[]): string {
  const acknowledged = findings.filter((f) => f.acknowledged);
  const lines = [
    '# Acknowledged findings',
    '',
    `${acknowledged.length} finding${acknowledged.length === 1 ? ' is' : 's are'} acknowledged in the checked templates (\`Metadata.cdk_nag.rules_to_suppress\`), each with its reason.`,
    '',
  ];
  if (acknowledged.length > 0) {
    lines.push('| Clause | Rule | Resource | Type | Template | Line | Reason |', '|---|---|---|---|---|---|---|');
    for (const f of acknowledged) {
      lines.push(`| ${f.clause} | ${f.ruleId} | ${markdownCell(f.logicalId ?? '(the stack)')} | ${f.resourceType ?? '—'} | ${markdownCell(f.file)} | ${f.line ?? '—'} | ${markdownCell(f.acknowledgedReason ?? '')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Builds every file of the evidence pack in memory, `manifest.json` last. The findings files are
 * the `dpp check` formats; the coverage and processing files the `dpp report` formats; the
 * documents are the shipped templates filled from the app and the profile.
 */
export function buildEvidencePack(options: EvidenceOptions): EvidenceFile[] {
  const { report, stamp, accessReview } = options;
  const profile = options.profile ?? evidenceProfile(report.rules.policy);
  const fromCoverage = new Map(PROCEDURAL_DOCUMENTS.map((d) => [d.template, `../${d.output}`]));
  const matrix = coverage(report.rules.rules, report, report.rules.policy);
  const stores = processingRecord(report.templates, report.indexes);
  const auditCounts = countsByClause(accessReview?.report.findings ?? [], (f) => f.clause as ClauseId, (f) => f.level);
  const verdicts = clauseVerdicts(matrix.clauses, auditCounts);
  const open = report.findings.filter((f) => !f.acknowledged);
  const inputs: DocumentInputs = {
    profile,
    facts: appFacts(report.indexes),
    stores,
    stamp,
    openFindings: countsByClause(open, (f) => f.clause, (f) => f.level),
  };

  const files: Array<EvidenceFile & { readonly what: string }> = [
    { path: 'findings/check.json', what: 'every finding, acknowledged or not (dpp check --format json)', content: `${JSON.stringify(checkJson(report), null, 2)}\n` },
    { path: 'findings/check.sarif', what: 'the findings as SARIF 2.1.0', content: formatCheckSarif(report, stamp.version) },
    { path: 'findings/check.junit.xml', what: 'the findings as JUnit XML', content: formatCheckJunit(report, 'error') },
    { path: 'clause-coverage/coverage.html', what: 'the clause coverage matrix with each rule\'s outcome', content: formatCoverageHtml(matrix, { stamp, links: fromCoverage }) },
    { path: 'clause-coverage/coverage.md', what: 'the coverage matrix as Markdown', content: formatCoverageMarkdown(matrix) },
    { path: 'clause-coverage/coverage.json', what: 'the coverage matrix as JSON', content: formatCoverageJson(matrix) },
    { path: 'processing/record.csv', what: 'the record of processing activities (DPP 3.2 Data Governance)', content: formatProcessingCsv(stores) },
    { path: 'processing/record.md', what: 'the record of processing activities as Markdown', content: formatProcessingMarkdown(stores) },
    { path: 'acknowledgments.md', what: 'every acknowledged finding with its reason', content: acknowledgmentsMarkdown(report.findings) },
    ...(accessReview ? [{ path: 'access-review/access-review.json', what: `the access review of account ${accessReview.report.account} (dpp audit)`, content: accessReview.text }] : []),
    ...PROCEDURAL_DOCUMENTS.map((d) => ({
      path: d.output,
      what: `DPP ${d.clause}: ${d.template.replace(/^docs\//, '')} filled from this app`,
      content: fillDocument(d, options.readTemplate(d.template), inputs),
    })),
  ];
  const index: EvidenceFile = {
    path: 'index.html',
    content: formatIndexHtml({
      stamp,
      profile,
      summary: summarise(report),
      ruleCount: report.rules.rules.length,
      coverage: matrix,
      verdicts,
      overall: overallVerdict(verdicts.values()),
      findings: report.findings,
      accessReview,
      files: files.map((f) => [f.path, f.what] as const),
    }),
  };
  const all: EvidenceFile[] = [index, ...files.map(({ path, content }) => ({ path, content }))];
  const manifest: Manifest = {
    version: 1,
    tool: { name: 'dpp-baseline', version: stamp.version },
    generatedAt: stamp.generatedAt,
    commit: stamp.commit ?? null,
    profile: profile.name,
    files: all.map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.content, 'utf8'), sha256: sha256(f.content) })),
  };
  return [...all, { path: MANIFEST, content: `${JSON.stringify(manifest, null, 2)}\n` }];
}
