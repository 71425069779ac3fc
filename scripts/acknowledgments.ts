/**
 * `npm run docs:acknowledgments`: writes `docs/acknowledgments.md`, every acknowledgment of the
 * default app (cdk.json configuration) with its reason, grouped by rule pack and rule, so
 * reviewers read in one place what the baseline accepts and why. A test
 * (`test/robustness/cdk-nag-packs.test.ts`) regenerates it in memory and fails when the committed
 * file is out of date.
 *
 * Acknowledgments are read where they are made: the `aws:cdk:acknowledged-rules` metadata that
 * `Validations.of(x).acknowledge()` records on a construct (one entry per construct and rule). The
 * synthesized templates carry the same acknowledgments in `Metadata.cdk_nag.rules_to_suppress` of
 * every resource under that construct, which is where `dpp check` and reviewers of a template see them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { buildBaselineApp } from '../lib/app';

const ROOT = path.join(__dirname, '..');
/** Where the generated document lives, from the repository root. */
export const ACKNOWLEDGMENTS_DOC = path.join('docs', 'acknowledgments.md');

/** One acknowledgment: a rule acknowledged on a construct (and everything under it). */
export interface Acknowledgment {
  /** The rule pack: `DPP`, `AwsSolutions`, `NIST.800.53.R5`, `CloudFormation Validate`, … */
  readonly pack: string;
  /** The rule ID as the pack reports it, e.g. `AwsSolutions-IAM5[Resource::*]`. */
  readonly ruleId: string;
  /** The stack's construct ID (its name in the default app). */
  readonly stack: string;
  /** The acknowledging construct's path inside its stack (`.` for the stack itself). */
  readonly constructPath: string;
  readonly reason: string;
}

/**
 * The default app as `cdk synth` builds it (the cdk.json context), not yet synthesized, writing to
 * `outdir`. Lambda bundling is skipped: it changes neither acknowledgments nor findings.
 */
export function newDefaultApp(outdir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-acknowledgments-'))): App {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ outdir, context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  buildBaselineApp(app);
  return app;
}

/** The index of the `::` separating a pack prefix from a rule ID, ignoring any inside brackets (`IAM5[Resource::*]`). */
function prefixSeparator(id: string): number {
  let depth = 0;
  for (let i = 0; i < id.length - 1; i++) {
    if ('[({'.includes(id[i])) depth++;
    else if ('])}'.includes(id[i])) depth--;
    else if (depth === 0 && id[i] === ':' && id[i + 1] === ':') return i;
  }
  return -1;
}

/**
 * The pack and rule of a recorded acknowledgment ID. The CDK records `<plugin namespace>::<rule>`
 * (`DPP::DPP-2.3-…`, `CloudFormation-Validate::W3010`), or `Annotation::<rule>` for an ID given bare,
 * which is how cdk-nag packs are acknowledged: their rule IDs are `<pack name>-<rule>`.
 */
export function packAndRule(recordedId: string): { pack: string; ruleId: string } {
  const separator = prefixSeparator(recordedId);
  const namespace = separator < 0 ? undefined : recordedId.slice(0, separator);
  const ruleId = separator < 0 ? recordedId : recordedId.slice(separator + 2);
  if (namespace !== undefined && namespace.toLowerCase() !== 'annotation') return { pack: namespace.replace(/-/g, ' '), ruleId };
  const dash = ruleId.indexOf('-');
  return { pack: dash > 0 ? ruleId.slice(0, dash) : 'Construct Annotations', ruleId };
}

/** The packs in the order the document lists them: ours first, then cdk-nag's, then any other. */
const PACK_ORDER = ['DPP', 'AwsSolutions', 'NIST.800.53.R5'];

function packRank(pack: string): number {
  const rank = PACK_ORDER.indexOf(pack);
  return rank < 0 ? PACK_ORDER.length : rank;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every acknowledgment made in a construct tree, in a deterministic order (pack, rule, stack, path). */
export function collectAcknowledgments(root: IConstruct): Acknowledgment[] {
  const found: Acknowledgment[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [recordedId, reason] of Object.entries(entry.data as Record<string, string>)) {
        const stack = Stack.isStack(construct) ? construct : construct.node.scopes.find((s): s is Stack => Stack.isStack(s));
        const stackPath = stack?.node.path ?? '';
        const relative = stack ? path.posix.relative(stackPath, construct.node.path) : construct.node.path;
        found.push({ ...packAndRule(recordedId), stack: stack?.node.id ?? '(app)', constructPath: relative || '.', reason: String(reason) });
      }
    }
  }
  return found.sort((a, b) =>
    packRank(a.pack) - packRank(b.pack) || compareText(a.pack, b.pack) || compareText(a.ruleId, b.ruleId)
    || compareText(a.stack, b.stack) || compareText(a.constructPath, b.constructPath) || compareText(a.reason, b.reason));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The Markdown document: per pack, per rule, each distinct reason once with the constructs it covers. */
export function renderAcknowledgments(acknowledgments: readonly Acknowledgment[]): string {
  const packs = groupBy(acknowledgments, (a) => a.pack);
  const rules = new Set(acknowledgments.map((a) => `${a.pack}|${a.ruleId}`));
  const lines = [
    '# Acknowledgments',
    '',
    '<!-- Generated by `npm run docs:acknowledgments` from the default app (cdk.json). Do not edit: change the acknowledgment in the code and regenerate. -->',
    '',
    'Every finding the baseline accepts instead of fixing, with the reason recorded where the resource is defined',
    '(`Validations.of(construct).acknowledge({ id, reason })`). An acknowledgment covers the construct and everything under it;',
    'the synthesized templates carry it in `Metadata.cdk_nag.rules_to_suppress` of each resource, where `dpp check` and reviewers read it.',
    'The baseline is held to the DPP pack (`DppChecks`) and to cdk-nag\'s `AwsSolutionsChecks` and `NIST80053R5Checks`',
    '(`test/robustness/cdk-nag-packs.test.ts`): each of their errors is either fixed or listed here.',
    '',
    `${acknowledgments.length} acknowledgments of ${rules.size} rules in ${packs.size} packs.`,
    '',
  ];
  for (const [pack, inPack] of packs) {
    lines.push(`## ${pack}`, '');
    for (const [ruleId, ofRule] of groupBy(inPack, (a) => a.ruleId)) {
      lines.push(`### \`${ruleId}\``, '');
      for (const [reason, sites] of groupBy(ofRule, (a) => a.reason)) {
        lines.push(`- ${reason}`);
        for (const site of sites) lines.push(`  - \`${site.stack}\` \`${site.constructPath}\``);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The document for the default app. */
export function acknowledgmentsDocument(app: App = newDefaultApp()): string {
  return renderAcknowledgments(collectAcknowledgments(app));
}

if (require.main === module) {
  const app = newDefaultApp();
  app.synth();
  const file = path.join(ROOT, ACKNOWLEDGMENTS_DOC);
  const text = acknowledgmentsDocument(app);
  fs.writeFileSync(file, text);
  console.log(`wrote ${ACKNOWLEDGMENTS_DOC}: ${collectAcknowledgments(app).length} acknowledgments`);
}
