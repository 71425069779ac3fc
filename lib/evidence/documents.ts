import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClauseId } from '../checks/types';
import { clauseLabel } from '../reports/clause-title';
import type { ReportStamp } from '../reports/html';
import { markdownCell } from '../reports/markdown';
import type { ProcessingEntry } from '../reports/processing';
import type { AppFacts, FactSource } from './app-facts';
import type { EvidenceProfile } from './profile';

/** What the procedural documents are filled from. */
export interface DocumentInputs {
  readonly profile: EvidenceProfile;
  readonly facts: AppFacts;
  readonly stores: readonly ProcessingEntry[];
  readonly stamp: ReportStamp;
  /** Unacknowledged errors and warnings per clause: known risks for the register. */
  readonly openFindings: ReadonlyMap<ClauseId, { readonly errors: number; readonly warnings: number }>;
}

/** A procedural clause's plan or runbook: the shipped template and how it is filled from the app. */
export interface ProceduralDocument {
  readonly clause: ClauseId;
  /** The template, relative to the package root (shipped through `files` in package.json). */
  readonly template: string;
  /** Where the filled copy goes in the pack. */
  readonly output: string;
  readonly facts: (inputs: DocumentInputs) => string[];
}

function table(headings: readonly string[], rows: ReadonlyArray<readonly string[]>, none: string): string[] {
  if (rows.length === 0) return [none, ''];
  return [`| ${headings.join(' | ')} |`, `|${headings.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`), ''];
}

const where = (s: FactSource) => `${s.stack} / ${s.logicalId}`;

function profileLines(p: EvidenceProfile): string[] {
  return [`Policy profile: \`${p.name}\`.`, ''];
}

function riskFacts({ profile, openFindings, stores }: DocumentInputs): string[] {
  const rows = [...openFindings]
    .filter(([, n]) => n.errors + n.warnings > 0)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([clause, n]) => [clauseLabel(clause), String(n.errors), String(n.warnings)]);
  return [
    ...profileLines(profile),
    `Review by senior management at least every ${profile.riskReviewMonths} months. Information stores in scope: ${stores.length} (see \`processing/record.csv\`).`,
    '',
    'Known risks from the automated checks (unacknowledged findings; add each to the register with a treatment):',
    '',
    ...table(['Clause', 'Errors', 'Warnings'], rows, 'None: every automated check passed or is acknowledged (see `acknowledgments.md` for the accepted risks).'),
  ];
}

function incidentFacts({ profile, facts }: DocumentInputs): string[] {
  const topics = facts.securityTopics.map((t) => [where(t), t.subscribers.join(', ') || 'no subscriber']);
  const trails = facts.trails.map((t) => [where(t), t.multiRegion, t.logFileValidation, t.cloudWatchLogs]);
  const lockouts = facts.lockouts.map((l) => [where(l), l.maxFailures, l.windowMinutes, l.action]);
  return [
    ...profileLines(profile),
    `- Notify EcartAPI within **${profile.incidentNotificationHours} hours** of detecting a Security Incident (the address is in the DPP).`,
    `- Review this plan every ${profile.incidentPlanReviewMonths} months and after any major change.`,
    `- Logs are kept at least ${profile.logRetentionDays} days (DPP 3.6): investigate within that window.`,
    '',
    '### Incident contacts (the security topic and its subscribers)',
    '',
    ...table(['Topic (stack / logical ID)', 'Subscribers'], topics, 'No security topic (tagged `dpp:purpose=security-alerts`) in the checked templates: name the on-call contact here.'),
    '### Audit trail (evidence source)',
    '',
    ...table(['Trail (stack / logical ID)', 'Multi-region', 'Log file validation', 'CloudWatch Logs group'], trails, 'No CloudTrail trail in the checked templates: name where the audit logs are.'),
    '### Account lockout (DPP 2.2)',
    '',
    ...table(['Function (stack / logical ID)', 'Failures', 'Window (minutes)', 'Action'], lockouts, `No lockout function in the checked templates; the profile asks for a lockout after at most ${profile.lockoutMaxFailures} failed log-ins counted over at most ${profile.lockoutWindowMinutes} minutes.`),
    'Unlocking a user (after confirming the person\'s identity and reviewing the attempts as a possible incident): detach the lockout\'s deny-all policy (`aws iam detach-user-policy --user-name <user> --policy-arn <deny-all policy ARN>`) or, with the `remove-login-profile` action, give a temporary password the user must change (`aws iam create-login-profile --user-name <user> --password-reset-required --password <temporary>`); then `aws iam untag-user --user-name <user> --tag-keys dpp:locked`. To reset the count, delete the user\'s item from the lockout table.',
    '',
    'Chain of custody: record the SHA-256 of every piece of evidence (this pack\'s `manifest.json` does so for its own files).',
    '',
  ];
}

function deletionFacts({ profile, stores }: DocumentInputs): string[] {
  const rows = stores.map((s) => [s.stack ?? s.template, s.environment ?? '—', s.logicalId, s.type, s.classification ?? '—', s.key ?? '—', s.retention, s.backups]);
  return [
    ...profileLines(profile),
    `- Delete within **${profile.deletionDays} days** of the request; every live instance gone **${profile.liveDeletionDays} days** after the notice.`,
    `- PII is kept at most ${profile.piiRetentionDays} days after delivery unless a law requires longer (DPP 3.1).`,
    '',
    '### Stores to go through (from the record of processing)',
    '',
    ...table(['Stack', 'Environment', 'Logical ID', 'Type', 'Classification', 'Key', 'Retention', 'Backups'], rows, 'No Information store in the checked templates: list the stores by hand.'),
  ];
}

function vulnerabilityFacts({ profile, facts }: DocumentInputs): string[] {
  const rows = facts.detectiveServices.map((d) => [d.service, where(d)]);
  return [
    ...profileLines(profile),
    `- Vulnerability scan at least every **${profile.vulnerabilityScanDays} days**; penetration test at least every **${profile.penetrationTestDays} days**; code scanned before each release.`,
    '',
    '### Detection provisioned by the checked templates',
    '',
    ...table(['Service', 'Stack / logical ID'], rows, 'No detective service in the checked templates: record where scanning runs (e.g. an organization administrator account).'),
  ];
}

/** The documents of the procedural clauses, in clause order. */
export const PROCEDURAL_DOCUMENTS: readonly ProceduralDocument[] = [
  { clause: '2.6', template: 'docs/risk-register.md', output: 'documents/2.6-risk-register.md', facts: riskFacts },
  { clause: '2.7', template: 'docs/incident-runbook.md', output: 'documents/2.7-incident-response.md', facts: incidentFacts },
  { clause: '2.8', template: 'docs/deletion-runbook.md', output: 'documents/2.8-deletion.md', facts: deletionFacts },
  { clause: '3.7', template: 'docs/vulnerability-management.md', output: 'documents/3.7-vulnerability-management.md', facts: vulnerabilityFacts },
];

/**
 * A document filled for this app: the template's title, a "This deployment" section with the
 * facts read from the templates and the profile's numbers, then the template's own text.
 */
export function fillDocument(document: ProceduralDocument, templateText: string, inputs: DocumentInputs): string {
  const newline = templateText.indexOf('\n');
  // The filled copy is no longer a template.
  const title = (newline < 0 ? templateText : templateText.slice(0, newline)).replace(' (template)', '');
  const rest = newline < 0 ? '' : templateText.slice(newline + 1);
  const facts = [
    '',
    `> Filled by \`dpp evidence\` on ${inputs.stamp.generatedAt} (dpp-baseline ${inputs.stamp.version}${inputs.stamp.commit ? `, commit ${inputs.stamp.commit}` : ''}) from the checked templates.`,
    '',
    '## This deployment',
    '',
    ...document.facts(inputs),
  ];
  return `${title}\n${facts.join('\n')}${rest}`;
}

/** Reads a document template from the installed package. */
export function readDocumentTemplate(root: string, document: ProceduralDocument): string {
  return fs.readFileSync(path.join(root, document.template), 'utf8');
}
