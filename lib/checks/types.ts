import type { PolicyProfile } from '../policy/profile';
import type { TemplateIndex } from './template-index';
import type { CfnResource, StackTemplate } from './template';
import type { Value } from './values';

/** `error` fails the synth and `dpp check`; `warning` is reported and never fails. */
export type Level = 'error' | 'warning';

/** A DPP clause number, e.g. `2.1` or `3.4`. */
export type ClauseId =
  | '2.1' | '2.2' | '2.3' | '2.4' | '2.5' | '2.6' | '2.7' | '2.8' | '2.9'
  | '3.1' | '3.2' | '3.3' | '3.4' | '3.5' | '3.6' | '3.7';

/** What a rule concluded about one aspect of a resource. */
export type Verdict =
  | { readonly outcome: 'fail'; readonly problem: string; readonly property?: string; readonly level?: Level }
  | { readonly outcome: 'unresolvable'; readonly property: string; readonly why: string };

/** A rule's answer: nothing (compliant or not applicable), one verdict, or several. */
export type RuleResult = Verdict | readonly Verdict[] | undefined | void;

/** What a resource rule sees: the resolved resource and a read-only index of its template. */
export interface ResourceContext {
  readonly logicalId: string;
  readonly resource: CfnResource;
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly index: TemplateIndex;
  /** A property by dotted path (`PublicAccessBlockConfiguration.BlockPublicAcls`, `Rules.0.Status`). */
  prop(path: string): Value;
  /** A resource tag (`dpp:classification`). */
  tag(key: string): Value;
  /** The policy profile the check runs under (its thresholds). */
  readonly policy: PolicyProfile;
}

/**
 * When a rule's finding cannot be acknowledged (CONTROLS.md "Acknowledgments and critical rules"):
 * `always` (a literal credential, DPP 3.5 Secure Coding Practices), `prod` (on a resource of the
 * prod environment) or `prod-pii` (on a PII store of the prod environment).
 */
export type Criticality = 'always' | 'prod' | 'prod-pii';

interface RuleMeta {
  /** `DPP-<clause>-<Name>`, e.g. `DPP-3.4-RdsStorageEncrypted`. */
  readonly id: string;
  readonly clause: ClauseId;
  /** The level of a failure. Unresolvable values always give a warning. */
  readonly level: Level;
  /** What the rule asserts, in the positive: "RDS storage is encrypted". */
  readonly description: string;
  /** The fix, one imperative sentence: "Set StorageEncrypted: true". */
  readonly fix: string;
  /** Why, citing the clause by number and title. */
  readonly explanation: string;
  /**
   * For a rule whose numbers, texts or level come from the policy profile: the rule under another
   * profile (undefined when that profile turns it off). The object itself is the rule under its
   * default profile. Rules without policy numbers leave it out.
   */
  forPolicy?(policy: PolicyProfile): Rule | undefined;
  /**
   * Where the rule is critical: its findings there cannot be acknowledged, and an acknowledgment
   * of them is itself reported.
   * @default - not critical: a finding may be acknowledged with a reason
   */
  readonly critical?: Criticality;
}

/** A rule over one resource at a time. Runs only on its resource types. */
export interface ResourceRule extends RuleMeta {
  readonly scope: 'resource';
  readonly resourceTypes: readonly string[];
  check(ctx: ResourceContext): RuleResult;
}

/** A verdict of an app rule, attached to a stack (and optionally a resource in it). */
export interface AppVerdict {
  readonly stack: StackTemplate;
  readonly logicalId?: string;
  readonly verdict: Verdict;
}

/**
 * A rule over the whole app (every stack template at once), run once per check.
 *
 * Contract (streaming `dpp check` relies on it): a stack with no `dpp:environment`, literal or
 * intrinsic, takes part in no comparison between stacks, so the verdicts about it are the same
 * whether the rule sees it alone or with every other stack, and it changes no verdict about
 * another stack. test/reports/check-stream.test.ts holds every app rule to it.
 */
export interface AppRule extends RuleMeta {
  readonly scope: 'app';
  /**
   * An account-wide control that each environment's baseline deploys once (a trail, a Config
   * recorder, the security topic, the password policy). A workload app deployed into an account
   * that runs the baseline declares so (`DppChecks` `environmentControlsFrom`, `dpp check
   * --environment-controls-from`), and these rules are then reported as provided elsewhere.
   */
  readonly environmentControl?: boolean;
  /**
   * The properties the rule reads, by resource type, beyond what every digest keeps (each
   * resource's type, condition and `dpp:` tags, the template's parameters, conditions, mappings
   * and outputs, and whole any resource holding an `Fn::ImportValue`): `dpp check` then holds only
   * these of the many templates it compares (lib/checks/app-digest.ts).
   * @default - everything: templates are held whole
   */
  readonly reads?: Readonly<Record<string, readonly string[]>>;
  check(stacks: readonly TemplateIndex[], policy: PolicyProfile): readonly AppVerdict[];
}

export type Rule = ResourceRule | AppRule;

/** One finding: a rule that failed or could not decide on a resource (or a stack, for app rules). */
export interface Finding {
  readonly ruleId: string;
  readonly clause: ClauseId;
  readonly level: Level;
  /** The stack or template the finding is in (StackTemplate.id). */
  readonly templateId: string;
  readonly stackName?: string;
  /** The resource's logical ID; undefined for a finding about a whole stack. */
  readonly logicalId?: string;
  readonly resourceType?: string;
  /** The property that decided, where one did. */
  readonly property?: string;
  /** One line: the problem and the fix. */
  readonly message: string;
}

/** Declares a resource rule (identity function: gives the object its type). */
export function resourceRule(rule: Omit<ResourceRule, 'scope'>): ResourceRule {
  return { scope: 'resource', ...rule };
}

/** Declares an app rule. */
export function appRule(rule: Omit<AppRule, 'scope'>): AppRule {
  return { scope: 'app', ...rule };
}

/** A failure. `problem` says what is wrong on this resource; the rule's fix is appended. */
export function fail(problem: string, property?: string): Verdict {
  return { outcome: 'fail', problem, property };
}

/** A failure reported at warning level whatever the rule's level (e.g. CONTROLS.md's `Resource: "*"` on write actions). */
export function warn(problem: string, property?: string): Verdict {
  return { outcome: 'fail', problem, property, level: 'warning' };
}

/** The deciding value is not known until deploy: a warning, never a pass. */
export function unresolvable(property: string, why: string): Verdict {
  return { outcome: 'unresolvable', property, why };
}
