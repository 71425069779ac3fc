import type { CheckReport } from './check-report';
import { summarise } from './check-report';

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

export function checkJson(report: CheckReport): CheckJson {
  return {
    version: 2,
    profile: { name: report.rules.policy.name, base: report.rules.policy.base },
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
