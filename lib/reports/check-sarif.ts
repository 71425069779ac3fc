import * as path from 'node:path';
import type { Log, ReportingDescriptor, Result, Location } from 'sarif';
import type { RuleSet } from '../checks/engine';
import type { Rule } from '../checks/types';
import type { CheckReport, ReportedFinding } from './check-report';
import type { Notice } from '../loading/loaded-template';
import { formatReport, JsonArrayStream, type CheckFormatter, type CheckTotals } from './check-stream-format';
import { clauseLabel } from './clause-title';
import type { TemplateResult } from './template-result';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'dpp';

/**
 * GitHub code scanning ranks results with `security-severity` (0–10) when a rule is tagged
 * `security`: errors as high, warnings as medium.
 */
const SECURITY_SEVERITY = { error: '7.5', warning: '5.0' } as const;

/** The rule's short name: `DPP-3.4-RdsStorageEncrypted` → `RdsStorageEncrypted`. */
function ruleName(rule: Rule): string {
  return rule.id.replace(/^DPP-\d+\.\d+-/, '');
}

function descriptor(rule: Rule): ReportingDescriptor {
  const clause = clauseLabel(rule.clause);
  return {
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.explanation },
    help: {
      text: `${clause}. ${rule.explanation} Fix: ${rule.fix}`,
      markdown: `**${clause}**\n\n${rule.explanation}\n\n**Fix:** ${rule.fix}`,
    },
    defaultConfiguration: { level: rule.level },
    properties: {
      tags: ['security', 'DPP', `DPP-${rule.clause}`, clause],
      precision: 'very-high',
      'security-severity': SECURITY_SEVERITY[rule.level],
      clause: rule.clause,
    },
  };
}

/**
 * A file path as a SARIF artifact URI: relative paths (what GitHub matches against the
 * repository) keep forward slashes; absolute ones become relative to the working directory when
 * inside it, else `file://` URIs.
 */
export function artifactUri(file: string, cwd: string = process.cwd()): string {
  let relative = file;
  if (path.isAbsolute(file)) {
    const inside = path.relative(cwd, file);
    if (inside.startsWith('..') || path.isAbsolute(inside)) return new URL(`file://${file.split(path.sep).join('/')}`).href;
    relative = inside;
  }
  return encodeURI(path.normalize(relative).split(path.sep).join('/'));
}

/**
 * Where a finding is shown: the app's source line that created the resource when the cloud
 * assembly records it (what a pull request's diff contains), with the synthesized template's line
 * as a related location; else the template's line.
 */
function locations(f: ReportedFinding): Pick<Result, 'locations' | 'relatedLocations'> {
  const logicalLocations = [
    f.logicalId
      ? { name: f.logicalId, fullyQualifiedName: f.constructPath ?? `${f.stackName ?? f.file}/${f.logicalId}`, kind: 'resource' }
      : { name: f.stackName ?? f.file, kind: 'module' },
  ];
  const template: Location = {
    physicalLocation: { artifactLocation: { uri: artifactUri(f.file) }, region: { startLine: f.line ?? 1 } },
    logicalLocations,
  };
  if (!f.source) return { locations: [template] };
  const source: Location = {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(f.source.file) },
      region: { startLine: f.source.line, ...(f.source.column ? { startColumn: f.source.column } : {}) },
    },
    logicalLocations,
  };
  return { locations: [source], relatedLocations: [{ id: 0, ...template, message: { text: 'synthesized template' } }] };
}

function result(f: ReportedFinding, ruleIndex: number): Result {
  return {
    ruleId: f.ruleId,
    // Acknowledgment findings name no rule of the catalogue.
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: f.level,
    message: { text: `${f.logicalId ? `${f.logicalId} (${f.resourceType}): ` : ''}${f.message}` },
    ...locations(f),
    ...(f.acknowledged ? { suppressions: [{ kind: 'inSource' as const, status: 'accepted' as const, justification: f.acknowledgedReason }] } : {}),
    properties: {
      clause: f.clause,
      stack: f.stackName ?? null,
      resourceType: f.resourceType ?? null,
      constructPath: f.constructPath ?? null,
      ...(f.property ? { property: f.property } : {}),
    },
  };
}

function log(ruleSet: RuleSet, version: string, notices: readonly Notice[], results: Result[]): Log {
  const { rules, policy } = ruleSet;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, semanticVersion: version, rules: rules.map(descriptor) } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notices.map((n) => ({
              level: 'warning' as const,
              message: { text: n.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(n.template) } } }],
            })),
          },
        ],
        results,
        columnKind: 'utf16CodeUnits',
        // The policy profile the rules ran under (README "Policy profiles").
        properties: { profile: policy.name, profileBase: policy.base },
      },
    ],
  };
}

/**
 * The check report as SARIF 2.1.0 for GitHub code scanning: every rule in `tool.driver.rules`
 * (tagged with its clause), one result per finding located at the resource's line in its
 * template, acknowledged findings as in-source suppressions, notices as tool notifications.
 */
export function checkSarif(report: CheckReport, version: string): Log {
  const indexOf = new Map(report.rules.rules.map((r, i) => [r.id, i]));
  return log(report.rules, version, report.notices, report.findings.map((f) => result(f, indexOf.get(f.ruleId) ?? -1)));
}

/** `--format sarif`, one template at a time (the results array streams; the notifications before it come at the end). */
export class CheckSarifFormatter implements CheckFormatter {
  private readonly results = new JsonArrayStream(8);
  private readonly indexOf: ReadonlyMap<string, number>;

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly version: string,
  ) {
    this.indexOf = new Map(ruleSet.rules.map((r, i) => [r.id, i]));
  }

  public template(r: TemplateResult): string {
    return r.findings.map((f) => this.results.item(result(f, this.indexOf.get(f.ruleId) ?? -1))).join('');
  }

  public frame(totals: CheckTotals): { head: string; tail: string } {
    const { head, tail } = this.results.frame((items) => JSON.stringify(log(this.ruleSet, this.version, totals.notices, items as Result[]), null, 2));
    return { head, tail: `${tail}\n` };
  }
}

export function formatCheckSarif(report: CheckReport, version: string): string {
  return formatReport(new CheckSarifFormatter(report.rules, version), report, 'error');
}
