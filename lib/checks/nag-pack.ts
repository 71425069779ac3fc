import * as fs from 'node:fs';
import { CfnResource, Stack, Token, Validations, type IPolicyValidationContext, type PolicyValidationPluginReport, type PolicyViolation } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagRuleCompliance, type NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { policyOf } from '../policy/context';
import { resolveProfile } from '../policy/load';
import { DPP, type PolicyProfile } from '../policy/profile';
import { clause } from './catalogue';
import { checkApp, checkResource, RuleSet } from './engine';
import { dppRuleSet } from './rules';
import { TemplateIndex } from './template-index';
import type { CfnTemplate } from './template';
import type { Finding, Level, Rule } from './types';

/** A finding acknowledged with `Validations.of(x).acknowledge(...)`, as `validateScope` reports it. */
export interface AcknowledgedFinding {
  readonly ruleId: string;
  readonly level: Level;
  readonly constructPath: string;
  readonly reason: string;
  readonly messages: readonly string[];
}

/** The acknowledgment reason for a rule on a construct or any of its scopes, as CDK records it. */
function acknowledgmentReason(node: IConstruct, ruleId: string): string | undefined {
  for (let current: IConstruct | undefined = node; current; current = current.node.scope) {
    for (const entry of current.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        // CDK stores `DPP::<rule>`; an ID given without the pack prefix lands as `Annotation::<rule>`.
        if (id.replace(/^(DPP|annotation)::/i, '') === ruleId) return reason;
      }
    }
  }
  return undefined;
}

/** Props of {@link DppChecks}. */
export interface DppChecksProps extends NagPackProps {
  /**
   * The rules to apply.
   * @default - every DPP rule
   */
  readonly rules?: readonly Rule[];
  /**
   * The policy profile to check against: `dpp`, `dpp-2025`, a team profile file's path, or a
   * loaded `PolicyProfile`. A bad name or file, or a file that loosens its base, throws a
   * `PolicyError` with one line per problem.
   * @default - the profile in the scope's construct context (`dpp:policy`), else `dpp`
   */
  readonly profile?: string | PolicyProfile;
}

interface Recorded {
  readonly node: IConstruct;
  readonly rule: Rule;
  readonly level: Level;
  readonly constructPath: string;
  readonly logicalId?: string;
  readonly templatePath?: string;
  readonly messages: string[];
  readonly properties: string[];
}

const PACK_NAME = 'DPP';

function clauseTitle(id: Rule['clause']): string {
  return clause(id)?.title ?? '';
}

/**
 * The DPP rule pack for cdk-nag 3: `Validations.of(app).addPlugins(new DppChecks(app))`.
 *
 * Every resource is checked against its synthesized, resolved CloudFormation (the template the
 * validation context names, or the stack's resolved template when called through
 * `validateScope`), with a per-stack index built once, so checking is linear in the number of
 * resources. Findings go through cdk-nag's `applyRule`, so rule IDs (`DPP-<clause>-<Name>`),
 * acknowledgments (`Validations.of(x).acknowledge({ id: 'DPP::DPP-3.4-…', reason })`) and the
 * validation report behave as cdk-nag users expect. Unlike cdk-nag's base class, only
 * error-level findings fail: warnings (e.g. values that cannot be verified at synth time) are
 * reported and never fail the synth.
 */
export class DppChecks extends NagPack {
  public readonly name = PACK_NAME;
  public readonly ruleIds: string[];
  /** The profile the rules check against. */
  public readonly policy: PolicyProfile;
  private readonly ruleSet: RuleSet;
  private templatePaths = new Map<string, string>();
  private indexes = new Map<Stack, TemplateIndex>();
  private recorded = new Map<string, Recorded>();
  private calledByFramework = false;
  private acknowledgedFindings: AcknowledgedFinding[] = [];

  constructor(scope?: IConstruct, props?: DppChecksProps) {
    super(scope, props);
    this.packName = PACK_NAME;
    this.policy = props?.profile !== undefined ? resolveProfile(props.profile, 'DppChecks profile') : scope ? policyOf(scope) : DPP;
    this.ruleSet = props?.rules ? new RuleSet(props.rules, this.policy) : dppRuleSet(this.policy);
    this.ruleIds = this.ruleSet.rules.map((r) => r.id);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    this.templatePaths = new Map(context.stackTemplates.map((s) => [s.stackConstructPath, s.templatePath]));
    this.calledByFramework = true;
    try {
      return super.validate(context);
    } finally {
      this.templatePaths = new Map();
      this.calledByFramework = false;
    }
  }

  /**
   * Checks a construct tree directly (tests, programmatic use). Call it after `app.synth()`:
   * tags are applied by aspects during synthesis. Called directly, acknowledged findings are left
   * out of the report and listed in {@link acknowledged}; called by the CDK during synthesis, they
   * stay in and the CDK moves them to the report's suppressed list with their reasons.
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.indexes = new Map();
    this.recorded = new Map();
    this.acknowledgedFindings = [];
    super.validateScope(scope);
    this.checkAppRules(scope);
    const violations = this.violationsFromRecords();
    this.indexes = new Map();
    return { success: !violations.some((v) => v.severity === 'error'), violations };
  }

  /** The findings the last direct `validateScope` left out because they were acknowledged. */
  public get acknowledged(): readonly AcknowledgedFinding[] {
    return this.acknowledgedFindings;
  }

  protected checkResource(node: CfnResource): void {
    const stack = Stack.of(node);
    const index = this.indexFor(stack);
    const logicalId = stack.resolve(node.logicalId) as string;
    const grouped = new Map<string, Finding[]>();
    for (const finding of checkResource(this.ruleSet, index, logicalId)) {
      const key = `${finding.ruleId}|${finding.level}`;
      grouped.set(key, [...(grouped.get(key) ?? []), finding]);
    }
    for (const findings of grouped.values()) {
      const [first] = findings;
      const rule = this.ruleSet.rule(first.ruleId)!;
      const record = this.record(node, rule, first.level, logicalId, this.templatePaths.get(stack.node.path));
      this.applyRule({
        ruleSuffixOverride: rule.id.slice(PACK_NAME.length + 1),
        info: first.message,
        explanation: rule.explanation,
        level: first.level === 'error' ? NagMessageLevel.ERROR : NagMessageLevel.WARN,
        node,
        rule: () => {
          for (const f of findings) {
            record.messages.push(f.message);
            if (f.property) record.properties.push(f.property);
          }
          return NagRuleCompliance.NON_COMPLIANT;
        },
      });
    }
  }

  private record(node: IConstruct, rule: Rule, level: Level, logicalId?: string, templatePath?: string): Recorded {
    const constructPath = node.node.path;
    const key = `${rule.id}|${level}|${constructPath}`;
    let record = this.recorded.get(key);
    if (!record) {
      record = { node, rule, level, constructPath, logicalId, templatePath, messages: [], properties: [] };
      this.recorded.set(key, record);
    }
    return record;
  }

  private indexFor(stack: Stack): TemplateIndex {
    let index = this.indexes.get(stack);
    if (!index) {
      index = new TemplateIndex({
        id: stack.node.path,
        stackName: stack.stackName,
        account: Token.isUnresolved(stack.account) ? undefined : stack.account,
        region: Token.isUnresolved(stack.region) ? undefined : stack.region,
        template: this.templateOf(stack),
      });
      this.indexes.set(stack, index);
    }
    return index;
  }

  /** The synthesized template from disk when the validation context names it, else the stack's resolved template. */
  private templateOf(stack: Stack): CfnTemplate {
    const file = this.templatePaths.get(stack.node.path);
    if (file && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as CfnTemplate;
    return (stack as unknown as { _toCloudFormation(): CfnTemplate })._toCloudFormation();
  }

  private checkAppRules(scope: IConstruct): void {
    if (this.ruleSet.appRules.length === 0) return;
    const stacks = scope.node.findAll().filter((c): c is Stack => Stack.isStack(c));
    const indexes = stacks.map((s) => this.indexFor(s));
    const byIndex = new Map(indexes.map((index, i) => [index, stacks[i]]));
    for (const finding of checkApp(this.ruleSet, indexes)) {
      const index = indexes.find((i) => i.stack.id === finding.templateId);
      const stack = index ? byIndex.get(index) : undefined;
      if (!stack) continue;
      const rule = this.ruleSet.rule(finding.ruleId)!;
      const node = finding.logicalId ? stack.node.tryFindChild(finding.logicalId) : undefined;
      const record = this.record(node ?? stack, rule, finding.level, finding.logicalId, this.templatePaths.get(stack.node.path));
      record.messages.push(finding.message);
    }
  }

  /**
   * One violation per rule, level and message, so errors and warnings of one rule stay apart and
   * the report's text shows each resource's own problem and fix.
   */
  private violationsFromRecords(): PolicyViolation[] {
    type Mutable = PolicyViolation & { violatingResources: PolicyViolation['violatingResources'][number][] };
    const violations = new Map<string, Mutable>();
    for (const record of this.recorded.values()) {
      if (!this.calledByFramework) {
        const reason = acknowledgmentReason(record.node, record.rule.id);
        if (reason !== undefined) {
          this.acknowledgedFindings.push({ ruleId: record.rule.id, level: record.level, constructPath: record.constructPath, reason, messages: [...new Set(record.messages)] });
          continue;
        }
      }
      for (const message of new Set(record.messages)) {
        const key = `${record.rule.id}|${record.level}|${message}`;
        let violation = violations.get(key);
        if (!violation) {
          violation = {
            ruleName: record.rule.id,
            description: `${record.rule.id} [DPP ${record.rule.clause} ${clauseTitle(record.rule.clause)}]: ${message}`,
            fix: record.rule.fix,
            severity: record.level,
            ruleMetadata: { clause: record.rule.clause, explanation: record.rule.explanation, profile: this.policy.name },
            violatingResources: [],
          };
          violations.set(key, violation);
        }
        violation.violatingResources.push({
          constructPath: record.constructPath,
          resourceLogicalId: record.logicalId,
          templatePath: record.templatePath,
          locations: record.properties.length > 0 ? [...new Set(record.properties)].map((p) => `Properties/${p.replace(/\./g, '/')}`) : ['Properties'],
        });
      }
    }
    return [...violations.values()];
  }
}
