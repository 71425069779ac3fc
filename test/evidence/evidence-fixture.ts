import * as fs from 'node:fs';
import { readAccessReview } from '../../lib/evidence/access-review-input';
import { buildEvidencePack, type EvidenceFile } from '../../lib/evidence/pack';
import { dppRuleSet } from '../../lib/checks/rules';
import { loadPaths } from '../../lib/loading/load-paths';
import { checkTemplates } from '../../lib/reports/check-report';
import type { ReportStamp } from '../../lib/reports/html';

/** A pinned date, version and commit, so every file of a pack is the same on every run. */
export const STAMP: ReportStamp = { generatedAt: '2026-01-02T03:04:05.000Z', version: '0.0.0-test', commit: '0123456789abcdef0123456789abcdef01234567' };

/** The small app the golden pack is built from: a failing database, an acknowledged one, the incident facts. */
export const GOLDEN_PATHS = [
  'test/fixtures/templates/unencrypted-database.yaml',
  'test/fixtures/templates/acknowledged-database.yaml',
  'test/fixtures/evidence/incident-facts.yaml',
];

export const ACCESS_REVIEW = 'test/fixtures/evidence/access-review.json';

/** Builds a pack in memory, reading document templates from the repository (jest runs at its root). */
export function packOf(paths: readonly string[], options: { accessReview?: string } = {}): EvidenceFile[] {
  return buildEvidencePack({
    // Small untagged templates, as a workload's: their environment controls come from a baseline.
    report: checkTemplates(loadPaths([...paths]), dppRuleSet().withoutEnvironmentControls()),
    stamp: STAMP,
    accessReview: options.accessReview ? readAccessReview(options.accessReview) : undefined,
    readTemplate: (template) => fs.readFileSync(template, 'utf8'),
  });
}

export function fileOf(files: readonly EvidenceFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in the pack: ${files.map((f) => f.path).join(', ')}`);
  return file.content;
}

/** A template of `count` unencrypted, untagged buckets: thousands of findings from one file. */
export function manyBucketsTemplate(count: number): string {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) resources[`Bucket${i}`] = { Type: 'AWS::S3::Bucket', Properties: {} };
  return JSON.stringify({ Resources: resources }, null, 1);
}
