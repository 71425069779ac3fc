import type { PolicyProfile } from '../policy/profile';
import type { ClauseId, Level } from '../checks/types';
import type { AccessReview } from './access-review';

/** One problem the audit found in the live account. */
export interface AuditFinding {
  /** Stable ID, `DPP-AUDIT-<clause>-<Name>`, distinct from the template rule IDs. */
  readonly checkId: string;
  readonly clause: ClauseId;
  readonly level: Level;
  /** What the finding is about: `account`, `user/<name>`, `group/<name>`, `role/<name>` or `policy/<name>`. */
  readonly subject: string;
  readonly message: string;
  readonly fix: string;
}

/** A check the audit could not run, and why: a missing permission, a failed call, or an item IAM cannot enforce. */
export interface NotChecked {
  readonly check: string;
  /** `missing permission iam:<Action>`, `iam:<Action> failed: …`, or `procedural: …`. */
  readonly reason: string;
}

/** How a user's last use of a credential is known. */
export type LastUse = Date | 'never' | 'unknown';

/** One access key slot of a user, as the credential report gives it (the report has no key IDs, so none can leak). */
export interface AccessKeyState {
  readonly slot: 1 | 2;
  readonly active: boolean;
  readonly lastRotated: Date | undefined;
  readonly lastUsed: LastUse;
}

/** The thresholds and clock of one audit run. */
export interface AuditSettings {
  /** Console access or access keys unused for longer than this are stale (DPP 2.2). */
  readonly inactiveDays: number;
  /** Active access keys older than this must be rotated (DPP 2.4). */
  readonly keyMaxAgeDays: number;
  /** The audit's clock (tests pin it). */
  readonly now: Date;
  /**
   * The policy profile the password and key checks apply, the same numbers as the template rules.
   * @default the `dpp` profile
   */
  readonly policy?: PolicyProfile;
}

/** The audit's result: `--format json` prints exactly this. */
export interface AuditReport {
  readonly version: 1;
  /** The 12-digit account ID, read from IAM ARNs; `unknown` when none was readable. */
  readonly account: string;
  readonly generatedAt: string;
  readonly findings: readonly AuditFinding[];
  readonly notChecked: readonly NotChecked[];
  readonly accessReview: AccessReview;
}
