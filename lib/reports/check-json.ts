import type { CheckReport, ReportedFinding } from './check-report';
import { summarise } from './check-report';
import { formatReport, JsonArrayStream, type CheckFormatter, type CheckTotals } from './check-stream-format';
import type { TemplateResult } from './template-result';

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

type JsonFinding = CheckJson['findings'][number];

function jsonFinding(f: ReportedFinding): JsonFinding {
  return {
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
  };
}

function document(findings: JsonFinding[], totals: CheckTotals): CheckJson {
  const { templates, resources, errors, warnings, acknowledged } = totals;
  return {
    version: 1,
    findings,
    errors: totals.notices.map((n) => ({ template: n.template, message: n.message })),
    summary: { templates, resources, errors, warnings, acknowledged },
  };
}

export function checkJson(report: CheckReport): CheckJson {
  return document(report.findings.map(jsonFinding), { ...summarise(report), notices: report.notices, failing: false });
}

/** `--format json`, one template at a time (the findings array streams; errors and summary close it). */
export class CheckJsonFormatter implements CheckFormatter {
  private readonly findings = new JsonArrayStream(4);

  public template(result: TemplateResult): string {
    return result.findings.map((f) => this.findings.item(jsonFinding(f))).join('');
  }

  public frame(totals: CheckTotals): { head: string; tail: string } {
    const { head, tail } = this.findings.frame((items) => JSON.stringify(document(items as JsonFinding[], totals), null, 2));
    return { head, tail: `${tail}\n` };
  }
}

export function formatCheckJson(report: CheckReport): string {
  return formatReport(new CheckJsonFormatter(), report, 'error');
}
