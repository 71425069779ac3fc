import type { CheckReport } from './check-report';
import { summarise } from './check-report';

/**
 * The stable JSON shape of `dpp check --format json` (version 1). Other tools parse it: add
 * fields only in a new version.
 */
export interface CheckJson {
  readonly version: 1;
  readonly findings: ReadonlyArray<{
    readonly ruleId: string;
    readonly clause: string;
    readonly level: 'error' | 'warning';
    readonly template: string;
    readonly stack: string | null;
    readonly logicalId: string | null;
    readonly resourceType: string | null;
    readonly constructPath: string | null;
    readonly message: string;
    readonly acknowledged: boolean;
    readonly acknowledgedReason: string | null;
  }>;
  readonly errors: ReadonlyArray<{ readonly template: string; readonly message: string }>;
  readonly summary: { readonly templates: number; readonly resources: number; readonly errors: number; readonly warnings: number; readonly acknowledged: number };
}

export function checkJson(report: CheckReport): CheckJson {
  return {
    version: 1,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      clause: f.clause,
      level: f.level,
      template: f.file,
      stack: f.stackName ?? null,
      logicalId: f.logicalId ?? null,
      resourceType: f.resourceType ?? null,
      constructPath: f.constructPath ?? null,
      message: f.message,
      acknowledged: f.acknowledged,
      acknowledgedReason: f.acknowledgedReason ?? null,
    })),
    errors: report.notices.map((n) => ({ template: n.template, message: n.message })),
    summary: summarise(report),
  };
}

export function formatCheckJson(report: CheckReport): string {
  return `${JSON.stringify(checkJson(report), null, 2)}\n`;
}
