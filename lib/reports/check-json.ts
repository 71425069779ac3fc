import type { CheckReport, ReportedFinding } from './check-report';
import { summarise } from './check-report';
import { formatReport, JsonArrayStream, type CheckFormatter, type CheckTotals } from './check-stream-format';
import type { TemplateResult } from './template-result';
import type { PolicyProfile } from '../policy/profile';

/**
 * The stable JSON shape of `dpp check --format json`. Other tools parse it: fields are added only
 * in a new version. Version 2 adds `profile` (the policy profile the rules ran under); version 1
 * files stay readable through {@link readCheckJson}.
 */
interface CheckJsonBody {
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

/** Version 1: before profiles (every run was the `dpp` profile). */
export type CheckJsonV1 = { readonly version: 1 } & CheckJsonBody;

/** Version 2, written today. */
export type CheckJson = {
  readonly version: 2;
  /** The profile: its name and the built-in profile it extends (its own name for a built-in). */
  readonly profile: { readonly name: string; readonly base: string };
} & CheckJsonBody;

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

function document(policy: PolicyProfile, findings: JsonFinding[], totals: CheckTotals): CheckJson {
  const { templates, resources, errors, warnings, acknowledged } = totals;
  return {
    version: 2,
    profile: { name: policy.name, base: policy.base },
    findings,
    errors: totals.notices.map((n) => ({ template: n.template, message: n.message })),
    summary: { templates, resources, errors, warnings, acknowledged },
  };
}

export function checkJson(report: CheckReport): CheckJson {
  return document(report.rules.policy, report.findings.map(jsonFinding), { ...summarise(report), notices: report.notices, failing: false });
}

/** `--format json`, one template at a time (the findings array streams; errors and summary close it). */
export class CheckJsonFormatter implements CheckFormatter {
  private readonly findings = new JsonArrayStream(4);

  constructor(private readonly policy: PolicyProfile) {}

  public template(result: TemplateResult): string {
    return result.findings.map((f) => this.findings.item(jsonFinding(f))).join('');
  }

  public frame(totals: CheckTotals): { head: string; tail: string } {
    const { head, tail } = this.findings.frame((items) => JSON.stringify(document(this.policy, items as JsonFinding[], totals), null, 2));
    return { head, tail: `${tail}\n` };
  }
}

export function formatCheckJson(report: CheckReport): string {
  return formatReport(new CheckJsonFormatter(report.rules.policy), report, 'error');
}

/**
 * Reads `dpp check --format json` output of either version as version 2: a version 1 file was
 * written before profiles, under the policy as written, so its profile is `dpp`.
 * @throws Error naming what is wrong when the value is neither version.
 */
export function readCheckJson(value: unknown): CheckJson {
  const version = (value as { version?: unknown } | null)?.version;
  if (version === 2) return value as CheckJson;
  if (version === 1) {
    const { version: _v1, ...body } = value as CheckJsonV1;
    return { version: 2, profile: { name: 'dpp', base: 'dpp' }, ...body };
  }
  throw new Error(`not dpp check JSON: version ${JSON.stringify(version)} (expected 1 or 2)`);
}
