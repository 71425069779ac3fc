import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Aspects, CfnResource, Stack, Token, Validations, type IPolicyValidationContext, type PolicyValidationPluginReport, type PolicyViolation } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagRuleCompliance, WriteNagSuppressionsToCloudFormationAspect, type NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { policyOf } from '../policy/context';
import { resolveProfile } from '../policy/load';
import { DPP, type PolicyProfile } from '../policy/profile';
import { acknowledgmentProblem, ACKNOWLEDGMENT_FINDING_ID, dppRuleIdOf, isCriticalAt, judgeAcknowledgment, type AcknowledgmentOutcome } from './acknowledgment';
import { clause } from './catalogue';
import { checkApp, checkResource, providedElsewhereLine, RuleSet } from './engine';
import { dppRuleSet } from './rules';
import { stagesUnder, WriteStackAcknowledgmentsToTemplate } from './stack-acknowledgments';
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

/** An acknowledgment as CDK records it on a construct: the metadata entry's data, its key, and where it was made. */
interface ConstructAcknowledgment {
  readonly data: Record<string, unknown>;
  readonly key: string;
  readonly ruleId: string;
  readonly reason: unknown;
  readonly at: IConstruct;
}

/** The DPP acknowledgments recorded on one construct (both ID forms; see `dppRuleIdOf`). */
function acknowledgmentsOn(node: IConstruct): ConstructAcknowledgment[] {
  const out: ConstructAcknowledgment[] = [];
  for (const entry of node.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data || typeof entry.data !== 'object') continue;
    const data = entry.data as Record<string, unknown>;
    for (const [key, reason] of Object.entries(data)) {
      const ruleId = dppRuleIdOf(key);
      if (ruleId !== undefined) out.push({ data, key, ruleId, reason, at: node });
    }
  }
  return out;
}

/** The closest acknowledgment of a rule on a construct or any of its scopes (the CDK's own precedence); one with a reason wins on a construct. */
function acknowledgmentOf(node: IConstruct, ruleId: string): ConstructAcknowledgment | undefined {
  for (let current: IConstruct | undefined = node; current; current = current.node.scope) {
    const found = acknowledgmentsOn(current).filter((a) => a.ruleId === ruleId);
    if (found.length > 0) return found.find((a) => typeof a.reason === 'string' && a.reason.trim() !== '') ?? found[0];
  }
  return undefined;
}

/** Props of {@link DppChecks}. */
export interface DppChecksProps extends NagPackProps {
  /**
   * Write the acknowledgments, with their reasons, into the synthesized templates
   * (`Metadata.cdk_nag.rules_to_suppress`), where `dpp check` reads them: on each resource (as
   * cdk-nag does), and each stack's own at template level (findings about the whole stack), in
   * nested stages (CDK Pipelines) too. The stages must exist when the checks are made: create
   * `DppChecks` after them.
   * @default false
   */
  readonly writeSuppressionsToCloudFormation?: boolean;
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
  /**
   * Where this app's accounts get their environment controls (the CloudTrail trail, the AWS
   * Config recorder, the subscribed security topic, the IAM password policy) when they are not in
   * this app: the separately deployed baseline, named for the report, e.g. `'DppBaseline-prod'`.
   * Set it in a workload app; those rules are then reported as provided elsewhere (never as
   * passed) and not run against the workload's stacks.
   * @default - checked in this app; a stack not tagged `dpp:environment` gets from each the
   *   warning "environment controls not checked"
   */
  readonly environmentControlsFrom?: string;
  /**
   * Print one summary line (rules, resources, errors, warnings, acknowledged, the report's path)
   * to stderr when the CDK runs the pack during synthesis.
   * @default true
   */
  readonly printSummary?: boolean;
}

/** What one check of an app found, for the summary line. */
export interface DppChecksSummary {
  readonly rules: number;
  readonly resources: number;
  readonly errors: number;
  readonly warnings: number;
  readonly acknowledged: number;
  /** The rules left to the baseline named by `environmentControlsFrom`. */
  readonly providedElsewhere: readonly string[];
  /** The validation report the CDK writes, when known. */
  readonly reportPath?: string;
}

/** The summary as the one line `npx cdk synth` ends with. */
export function formatDppSummary(s: DppChecksSummary, from?: string): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const elsewhere = s.providedElsewhere.length > 0 ? `, ${s.providedElsewhere.length} environment controls provided by ${from}` : '';
  const report = s.reportPath ? `; report: ${s.reportPath}` : '';
  return `DPP checks: ${count(s.rules, 'rule')}, ${count(s.resources, 'resource')}: ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}, ${s.acknowledged} acknowledged${elsewhere}${report}`;
}

interface Recorded {
  readonly node: IConstruct;
  readonly index?: TemplateIndex;
  readonly rule: Rule;
  readonly level: Level;
  readonly constructPath: string;
  readonly logicalId?: string;
  readonly templatePath?: string;
  readonly messages: string[];
  readonly properties: string[];
}

const PACK_NAME = 'DPP';

/** A finding's message without its trailing fix: the CDK prints a violation's `fix` on its own line. */
function withoutFix(message: string, rule: Rule): string {
  const suffix = ` Fix: ${rule.fix}`;
  return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}

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
  private readonly environmentControlsFrom?: string;
  private readonly providedElsewhereRules: readonly Rule[];
  private readonly printSummary: boolean;
  private resourcesChecked = 0;
  private lastSummary?: DppChecksSummary;

  constructor(scope?: IConstruct, props?: DppChecksProps) {
    super(scope, props);
    this.packName = PACK_NAME;
    if (scope && props?.writeSuppressionsToCloudFormation) {
      // cdk-nag writes resources' acknowledgments, and only within `scope`'s own stage; stack-level
      // ones and those of nested stages (CDK Pipelines) must reach their templates too, for `dpp check`.
      Aspects.of(scope).add(new WriteStackAcknowledgmentsToTemplate());
      for (const stage of stagesUnder(scope)) {
        Aspects.of(stage).add(new WriteNagSuppressionsToCloudFormationAspect());
        Aspects.of(stage).add(new WriteStackAcknowledgmentsToTemplate());
      }
    }
    this.policy = props?.profile !== undefined ? resolveProfile(props.profile, 'DppChecks profile') : scope ? policyOf(scope) : DPP;
    const from = props?.environmentControlsFrom;
    if (from !== undefined && (typeof from !== 'string' || from.trim() === '')) {
      throw new Error('DppChecks: environmentControlsFrom must name where the environment controls are deployed (e.g. the baseline stack DppBaseline-prod)');
    }
    const all = props?.rules ? new RuleSet(props.rules, this.policy) : dppRuleSet(this.policy);
    this.environmentControlsFrom = from?.trim();
    this.providedElsewhereRules = this.environmentControlsFrom ? all.environmentControls : [];
    this.ruleSet = this.environmentControlsFrom ? all.withoutEnvironmentControls() : all;
    this.ruleIds = this.ruleSet.rules.map((r) => r.id);
    this.printSummary = props?.printSummary ?? true;
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    this.templatePaths = new Map(context.stackTemplates.map((s) => [s.stackConstructPath, s.templatePath]));
    this.calledByFramework = true;
    try {
      const report = super.validate(context);
      const root = (context as { appConstruct?: IConstruct }).appConstruct;
      const outdir = root && App.isApp(root) ? root.outdir : undefined;
      const summary = { ...this.lastSummary!, reportPath: outdir ? path.relative(process.cwd(), path.join(outdir, 'validation-report.json')) : undefined };
      this.lastSummary = summary;
      if (this.printSummary) console.error(formatDppSummary(summary, this.environmentControlsFrom));
      return report;
    } finally {
      this.templatePaths = new Map();
      this.calledByFramework = false;
    }
  }

  /** What the last check found: counts for the summary line, and the rules left to the baseline. */
  public get summary(): DppChecksSummary | undefined {
    return this.lastSummary;
  }

  /** The environment-control rules this app leaves to its baseline (`environmentControlsFrom`), reported as provided elsewhere. */
  public get providedElsewhere(): readonly Rule[] {
    return this.providedElsewhereRules;
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
    this.resourcesChecked = 0;
    super.validateScope(scope);
    this.checkAppRules(scope);
    const acknowledgmentProblems = this.acknowledgmentViolations(scope);
    const violations = [...this.violationsFromRecords(), ...acknowledgmentProblems];
    this.indexes = new Map();
    this.lastSummary = this.summarise(acknowledgmentProblems.length);
    const metadata = this.environmentControlsFrom ? { environmentControls: providedElsewhereLine(this.providedElsewhereRules, this.environmentControlsFrom) } : undefined;
    return { success: !violations.some((v) => v.severity === 'error' || v.severity === 'fatal'), violations, ...(metadata ? { metadata } : {}) };
  }

  /** Counts by resource and level: unacknowledged errors and warnings, and acknowledged findings. */
  private summarise(acknowledgmentProblems: number): DppChecksSummary {
    let errors = acknowledgmentProblems;
    let warnings = 0;
    let acknowledged = 0;
    for (const record of this.recorded.values()) {
      const ack = acknowledgmentOf(record.node, record.rule.id);
      const outcome = ack && record.index ? judgeAcknowledgment(record.rule, record.index, record.logicalId, ack.reason) : undefined;
      if (outcome?.status === 'honoured') acknowledged++;
      else if (record.level === 'error') errors++;
      else warnings++;
    }
    return { rules: this.ruleSet.rules.length, resources: this.resourcesChecked, errors, warnings, acknowledged, providedElsewhere: this.providedElsewhereRules.map((r) => r.id) };
  }

  /** The findings the last direct `validateScope` left out because they were acknowledged. */
  public get acknowledged(): readonly AcknowledgedFinding[] {
    return this.acknowledgedFindings;
  }

  protected checkResource(node: CfnResource): void {
    this.resourcesChecked++;
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
      const record = this.record(node, rule, first.level, logicalId, this.templatePaths.get(stack.node.path), index);
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

  private record(node: IConstruct, rule: Rule, level: Level, logicalId?: string, templatePath?: string, index?: TemplateIndex): Recorded {
    const constructPath = node.node.path;
    const key = `${rule.id}|${level}|${constructPath}`;
    let record = this.recorded.get(key);
    if (!record) {
      record = { node, index, rule, level, constructPath, logicalId, templatePath, messages: [], properties: [] };
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
    // The first stack of an ID, as a search would find it; a map keeps the lookup linear.
    const byTemplateId = new Map<string, { index: TemplateIndex; stack: Stack }>();
    indexes.forEach((index, i) => { if (!byTemplateId.has(index.stack.id)) byTemplateId.set(index.stack.id, { index, stack: stacks[i] }); });
    for (const finding of checkApp(this.ruleSet, indexes)) {
      const found = byTemplateId.get(finding.templateId);
      if (!found) continue;
      const { index, stack } = found;
      const rule = this.ruleSet.rule(finding.ruleId)!;
      const node = finding.logicalId ? stack.node.tryFindChild(finding.logicalId) : undefined;
      const record = this.record(node ?? stack, rule, finding.level, finding.logicalId, this.templatePaths.get(stack.node.path), index);
      record.messages.push(finding.message);
    }
  }

  /**
   * Every DPP acknowledgment in the tree that acknowledges nothing — an empty reason, or a critical
   * rule (on any resource under it where the rule is critical) — as an error at the construct
   * where it was made, as `dpp check` reports it from the template.
   */
  private acknowledgmentViolations(scope: IConstruct): PolicyViolation[] {
    const violations: PolicyViolation[] = [];
    for (const construct of scope.node.findAll()) {
      for (const ack of acknowledgmentsOn(construct)) {
        const rule = this.ruleSet.rule(ack.ruleId);
        if (!rule) continue;
        const outcome = this.acknowledgmentOutcome(rule, ack);
        if (outcome.status === 'honoured') continue;
        const message = acknowledgmentProblem(rule.id, outcome, construct.node.path);
        violations.push({
          ruleName: ACKNOWLEDGMENT_FINDING_ID,
          description: `${ACKNOWLEDGMENT_FINDING_ID} [DPP ${rule.clause} ${clauseTitle(rule.clause)}]: ${message}`,
          fix: 'Give the acknowledgment a reason, or remove it and fix the finding',
          severity: this.calledByFramework ? 'fatal' : 'error',
          ruleMetadata: { clause: rule.clause, acknowledgedRule: rule.id },
          violatingResources: [{ constructPath: construct.node.path, locations: ['Metadata'] }],
        });
      }
    }
    return violations;
  }

  /** An acknowledgment's outcome: critical when the rule is critical on any resource of its types under the construct. */
  private acknowledgmentOutcome(rule: Rule, ack: ConstructAcknowledgment): AcknowledgmentOutcome {
    if (rule.critical !== undefined) {
      const types = rule.scope === 'resource' ? new Set(rule.resourceTypes) : undefined;
      for (const resource of ack.at.node.findAll()) {
        if (!CfnResource.isCfnResource(resource) || (types && !types.has(resource.cfnResourceType))) continue;
        const stack = Stack.of(resource);
        if (isCriticalAt(rule, this.indexFor(stack), stack.resolve(resource.logicalId) as string)) return { status: 'critical', criticality: rule.critical };
      }
    }
    return typeof ack.reason === 'string' && ack.reason.trim() !== '' ? { status: 'honoured', reason: ack.reason.trim() } : { status: 'no-reason' };
  }

  /**
   * One violation per rule, level and message, so errors and warnings of one rule stay apart and
   * the report's text shows each resource's own problem and fix.
   */
  private violationsFromRecords(): PolicyViolation[] {
    type Mutable = PolicyViolation & { violatingResources: PolicyViolation['violatingResources'][number][] };
    const violations = new Map<string, Mutable>();
    for (const record of this.recorded.values()) {
      const ack = acknowledgmentOf(record.node, record.rule.id);
      const outcome = ack && record.index ? judgeAcknowledgment(record.rule, record.index, record.logicalId, ack.reason) : undefined;
      let severity: string = record.level;
      if (ack && outcome?.status === 'honoured') {
        if (!this.calledByFramework) {
          this.acknowledgedFindings.push({ ruleId: record.rule.id, level: record.level, constructPath: record.constructPath, reason: outcome.reason, messages: [...new Set(record.messages)] });
          continue;
        }
        // The CDK matches only `DPP::<rule>`: a bare ID (stored as `Annotation::<rule>`) is honoured too, as `dpp check` honours it.
        ack.data[`${PACK_NAME}::${record.rule.id}`] ??= outcome.reason;
      } else if (ack && this.calledByFramework && record.level === 'error') {
        // The CDK would suppress it whatever the reason; a fatal violation cannot be suppressed.
        severity = 'fatal';
      }
      for (const message of new Set(record.messages)) {
        const key = `${record.rule.id}|${severity}|${message}`;
        let violation = violations.get(key);
        if (!violation) {
          violation = {
            ruleName: record.rule.id,
            description: `${record.rule.id} [DPP ${record.rule.clause} ${clauseTitle(record.rule.clause)}]: ${withoutFix(message, record.rule)}`,
            fix: record.rule.fix,
            severity,
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
