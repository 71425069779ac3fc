import { ALL_RULES } from './rules';
import type { PolicyValues } from '../policy/thresholds';
import type { ClauseId, Rule } from './types';

/** How much of a clause a template can prove. */
export type ClauseStatus = 'automated' | 'partial' | 'procedural';

/** Something no template can prove, and what covers it instead. */
export interface ProceduralItem {
  readonly item: string;
  /** The document, command or process that covers it. */
  readonly coveredBy: string;
}

/** A catalogue entry of a procedural item: its text may state the profile's numbers. */
export interface CatalogueItem {
  readonly item: string | ((values: PolicyValues) => string);
  readonly coveredBy: string;
}

/** A catalogue item's text under a profile. */
export function proceduralItem(entry: CatalogueItem, values: PolicyValues): ProceduralItem {
  return { item: typeof entry.item === 'string' ? entry.item : entry.item(values), coveredBy: entry.coveredBy };
}

/** One DPP clause as the project covers it. Titles are the policy's own headings; the rest is ours. */
export interface Clause {
  readonly id: ClauseId;
  readonly title: string;
  readonly status: ClauseStatus;
  /** The constructs that provision the clause's controls. */
  readonly constructs: readonly string[];
  /** What stays procedural (texts with the profile's numbers: see {@link proceduralItem}). */
  readonly procedural: readonly CatalogueItem[];
}

const AUDIT = '`dpp audit` (live account IAM)';

/** Every clause, 2.1–3.7, in order. */
export const CLAUSES: readonly Clause[] = [
  {
    id: '2.1', title: 'Network Protection', status: 'partial',
    constructs: ['SegmentedVpc', 'PiiBucket', 'EncryptedDatabase', 'EdgeFirewall'],
    procedural: [
      { item: 'Anti-virus and anti-malware on end-user devices', coveredBy: 'endpoint management (MDM) policy' },
      { item: 'Data protection and IT security training for everyone with system access', coveredBy: 'training records' },
      { item: 'Approval of the users allowed public access', coveredBy: 'access request process; approvedCidrs in the environment config' },
    ],
  },
  {
    id: '2.2', title: 'Access Management', status: 'partial',
    constructs: ['AccountLockout', 'MfaEnforcement', 'DppUserPool', 'AccessAnalyzers'],
    procedural: [
      { item: 'Formal user access registration process with a unique ID per person', coveredBy: 'identity provider / joiner process' },
      { item: 'Quarterly review of people and services with access', coveredBy: `${AUDIT} access-review report` },
      { item: (v) => `Access removed within ${v.leaverRemovalHours} hours of termination`, coveredBy: 'leaver process; `dpp audit` inactive-user findings' },
      { item: 'No Information on personal devices', coveredBy: 'acceptable-use policy, MDM' },
    ],
  },
  {
    id: '2.3', title: 'Least Privilege Access', status: 'automated',
    constructs: ['MfaEnforcement', 'EncryptionKeys'],
    procedural: [{ item: 'Need-to-know grants for application operators', coveredBy: `${AUDIT} access-review report` }],
  },
  {
    id: '2.4', title: 'Credential Management', status: 'partial',
    constructs: ['AccountPasswordPolicy', 'MfaEnforcement', 'DppUserPool', 'EncryptionKeys'],
    procedural: [
      { item: (v) => `Minimum password age of ${v.passwordMinAgeDays} day(s) (IAM cannot enforce it)`, coveredBy: 'the identity provider\'s password policy; reported by `dpp audit`' },
      { item: 'Passwords must not contain part of the user name (IAM cannot enforce it)', coveredBy: 'the identity provider\'s password policy; reported by `dpp audit`' },
      { item: 'EcartAPI API keys readable only by the employees who need them', coveredBy: 'Secrets Manager resource policy; quarterly access review' },
    ],
  },
  {
    id: '2.5', title: 'Encryption in Transit', status: 'partial',
    constructs: ['PiiBucket', 'EncryptedDatabase', 'SecurityAlarms'],
    procedural: [{ item: 'Message-level encryption where TLS terminates on untrusted multi-tenant hardware', coveredBy: 'application design review' }],
  },
  {
    id: '2.6', title: 'Risk Management', status: 'procedural',
    constructs: [],
    procedural: [
      { item: 'Risk assessment reviewed annually by senior management', coveredBy: 'docs/risk-register.md template' },
    ],
  },
  {
    id: '2.7', title: 'Incident Response', status: 'partial',
    constructs: ['SecurityAlarms', 'DetectiveServices'],
    procedural: [
      { item: 'Incident response plan reviewed every six months', coveredBy: 'docs/incident-runbook.md template' },
      { item: (v) => `Notify EcartAPI within ${v.incidentNotificationHours} hours of detecting a Security Incident`, coveredBy: 'docs/incident-runbook.md escalation path' },
      { item: 'Investigation records and chain of custody of evidence', coveredBy: 'docs/incident-runbook.md' },
    ],
  },
  {
    id: '2.8', title: 'Request for Deletion or Return', status: 'partial',
    constructs: ['PiiBucket', 'PiiTable'],
    procedural: [
      { item: (v) => `Delete on EcartAPI's request within ${v.deletionRequestDays} days, following NIST 800-88`, coveredBy: 'docs/deletion-runbook.md, with the record of processing (`dpp report processing`)' },
      { item: 'Written certification of destruction', coveredBy: 'docs/deletion-runbook.md certification' },
      { item: (v) => `Every live instance deleted ${v.liveCopiesDeletionDays} days after the notice`, coveredBy: 'docs/deletion-runbook.md' },
    ],
  },
  {
    id: '2.9', title: 'Data Attribution', status: 'automated',
    constructs: ['PiiBucket', 'PiiTable', 'EncryptedDatabase'],
    procedural: [],
  },
  {
    id: '3.1', title: 'Data Retention', status: 'partial',
    constructs: ['PiiBucket', 'PiiTable'],
    procedural: [{ item: (v) => `Retention beyond ${v.piiRetentionDays} days only where the law requires it`, coveredBy: 'legalBasis in the environment config; acknowledgment reasons' }],
  },
  {
    id: '3.2', title: 'Data Governance', status: 'procedural',
    constructs: [],
    procedural: [
      { item: 'Record of processing activities for all PII', coveredBy: '`dpp report processing` (generated from the templates)' },
      { item: 'Privacy, data handling and classification policy', coveredBy: 'organisation policy' },
      { item: 'Data-subject requests and consent', coveredBy: 'privacy process' },
      { item: 'Confidentiality clauses in employment contracts', coveredBy: 'HR contracts' },
    ],
  },
  {
    id: '3.3', title: 'Asset Management', status: 'partial',
    constructs: ['DetectiveServices'],
    procedural: [
      { item: 'Inventory of software and physical assets, updated quarterly', coveredBy: 'AWS Config inventory; asset register' },
      { item: 'No PII on removable media or personal devices; secure disposal of printed PII', coveredBy: 'acceptable-use policy' },
    ],
  },
  {
    id: '3.4', title: 'Encryption at Rest', status: 'automated',
    constructs: ['EncryptionKeys', 'EncryptedDatabase', 'PiiBucket', 'PiiTable', 'SegmentedVpc', 'AuditTrail', 'SecurityAlarms'],
    procedural: [{ item: 'Encryption of removable media and personal devices', coveredBy: 'endpoint management policy' }],
  },
  {
    id: '3.5', title: 'Secure Coding Practices', status: 'partial',
    constructs: ['EncryptedDatabase'],
    procedural: [{ item: 'No credentials in public code repositories', coveredBy: 'secret scanning in CI' }],
  },
  {
    id: '3.6', title: 'Logging and Monitoring', status: 'partial',
    constructs: ['AuditTrail', 'SecurityAlarms', 'SegmentedVpc', 'PiiBucket', 'PiiDataEvents', 'CanaryRecords', 'ReadAnomalyAlarms', 'LogDataProtection'],
    procedural: [
      { item: 'Review logs in real time or every two weeks', coveredBy: 'SIEM / review log' },
      { item: 'Logs must not contain PII beyond what data-protection identifiers detect', coveredBy: 'LogDataProtection masks names, addresses, e-mail, phone and card numbers; application logging standard for the rest' },
      { item: 'Investigate triggered alarms', coveredBy: 'docs/incident-runbook.md' },
    ],
  },
  {
    id: '3.7', title: 'Vulnerability Management', status: 'partial',
    constructs: ['DetectiveServices', 'EncryptedDatabase', 'DataBackups'],
    procedural: [
      { item: (v) => `Vulnerability scan every ${v.vulnerabilityScanDays} days, penetration test every ${v.penetrationTestDays} days`, coveredBy: 'Amazon Inspector; docs/vulnerability-management.md; yearly pen-test report' },
      { item: 'Scan code before each release', coveredBy: 'CI workflow (npm audit, dpp check)' },
      { item: 'Change control of storage hardware', coveredBy: 'docs/vulnerability-management.md change control' },
    ],
  },
];

/** The rules of a clause. */
export function rulesOfClause(clause: ClauseId, rules: readonly Rule[] = ALL_RULES): Rule[] {
  return rules.filter((r) => r.clause === clause);
}

/** A clause by number. */
export function clause(id: ClauseId): Clause {
  return CLAUSES.find((c) => c.id === id)!;
}
