import * as path from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Rule } from '../checks/types';
import type { CheckReport, ReportedFinding } from './check-report';
import { clauseLabel } from './clause-title';

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

function result(f: ReportedFinding, ruleIndex: number): Result {
  return {
    ruleId: f.ruleId,
    // Acknowledgment findings name no rule of the catalogue.
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: f.level,
    message: { text: `${f.logicalId ? `${f.logicalId} (${f.resourceType}): ` : ''}${f.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.file) },
          region: { startLine: f.line ?? 1 },
        },
        logicalLocations: [
          f.logicalId
            ? { name: f.logicalId, fullyQualifiedName: f.constructPath ?? `${f.stackName ?? f.file}/${f.logicalId}`, kind: 'resource' }
            : { name: f.stackName ?? f.file, kind: 'module' },
        ],
      },
    ],
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

/**
 * The check report as SARIF 2.1.0 for GitHub code scanning: every rule in `tool.driver.rules`
 * (tagged with its clause), one result per finding located at the resource's line in its
 * template, acknowledged findings as in-source suppressions, notices as tool notifications.
 */
export function checkSarif(report: CheckReport, version: string): Log {
  const rules = report.rules.rules;
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, semanticVersion: version, rules: rules.map(descriptor) } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notices.map((n) => ({
              level: 'warning' as const,
              message: { text: n.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(n.template) } } }],
            })),
          },
        ],
        results: report.findings.map((f) => result(f, indexOf.get(f.ruleId) ?? -1)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function formatCheckSarif(report: CheckReport, version: string): string {
  return `${JSON.stringify(checkSarif(report, version), null, 2)}\n`;
}
