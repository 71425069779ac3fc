import type { ClauseId, Level } from '../../checks/types';
import { DPP, type PolicyProfile } from '../../policy/profile';
import type { IamSnapshot, Source } from '../collect';
import type { AuditSettings } from '../types';

/** What a check reports; the runner adds the check's ID and clause. */
export interface CheckResult {
  readonly level: Level;
  readonly subject: string;
  readonly message: string;
  readonly fix: string;
}

/** What a check sees: the IAM snapshot and the run's thresholds and clock. */
export interface CheckInput {
  readonly snapshot: IamSnapshot;
  readonly settings: AuditSettings;
}

/** One live-account check. `run` reads the sources it needs through `need()`, so a missing one puts it under notChecked. */
export interface AuditCheck {
  /** `DPP-AUDIT-<clause>-<Name>`. */
  readonly id: string;
  readonly clause: ClauseId;
  /** One line: what the check asserts. */
  readonly description: string;
  run(input: CheckInput): readonly CheckResult[];
}

/** A source a check needs could not be read; the check is listed under notChecked with this reason. */
export class SourceMissing extends Error {}

/** The value of a source, or a `SourceMissing` throw that the runner turns into a notChecked entry. */
export function need<T>(source: Source<T>): T {
  if (source.ok) return source.value;
  throw new SourceMissing(source.reason);
}

const DAY_MS = 86_400_000;

/** The profile a run applies (`dpp` unless the settings name one). */
export function policyOfRun(settings: AuditSettings): PolicyProfile {
  return settings.policy ?? DPP;
}

/** Whole days from `then` to `now`. */
export function daysSince(then: Date, now: Date): number {
  return Math.floor((now.getTime() - then.getTime()) / DAY_MS);
}

/** A date as `YYYY-MM-DD`, for messages. */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
