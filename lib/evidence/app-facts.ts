import type { TemplateIndex } from '../checks/template-index';
import { asArray, asBoolean, asNumber, type Value } from '../checks/values';
import { PURPOSE_SECURITY_ALERTS, TAG_PURPOSE } from '../checks/vocabulary';

/**
 * What the evidence documents say about this app, read from its templates: who is alerted, which
 * trail records, how the lockout is set, how long logs are kept, which detective services run.
 * A value an intrinsic decides reads `decided at deploy time (…)`, never a guess.
 */
export interface AppFacts {
  readonly securityTopics: readonly SecurityTopicFact[];
  readonly trails: readonly TrailFact[];
  readonly lockouts: readonly LockoutFact[];
  readonly logGroups: readonly LogGroupFact[];
  readonly detectiveServices: readonly DetectiveServiceFact[];
}

/** Where a fact was found: the stack (or loose template) and the resource. */
export interface FactSource {
  readonly stack: string;
  readonly logicalId: string;
}

export interface SecurityTopicFact extends FactSource {
  /** Subscribed endpoints as `protocol: endpoint` (the incident contacts). */
  readonly subscribers: readonly string[];
}

export interface TrailFact extends FactSource {
  readonly multiRegion: string;
  readonly logFileValidation: string;
  readonly cloudWatchLogs: string;
}

export interface LockoutFact extends FactSource {
  readonly maxFailures: string;
  readonly windowMinutes: string;
  /** The `LockoutAction` value: `deny-all-policy` or `remove-login-profile`. */
  readonly action: string;
}

export interface LogGroupFact extends FactSource {
  /** Days, `never expires`, or decided at deploy time. */
  readonly retention: string;
}

export interface DetectiveServiceFact extends FactSource {
  readonly service: string;
}

/** The environment variables the `AccountLockout` function is configured with (constructs/identity/account-lockout.ts). */
const LOCKOUT_VARIABLES = ['MAX_FAILURES', 'WINDOW_SECONDS', 'LOCKOUT_ACTION'] as const;

/** Resource types that show a detective service (DPP 2.7, 3.3, 3.7) is enabled, with the service's name. */
export const DETECTIVE_SERVICE_TYPES: ReadonlyArray<[string, string]> = [
  ['AWS::GuardDuty::Detector', 'Amazon GuardDuty'],
  ['AWS::SecurityHub::Hub', 'AWS Security Hub'],
  ['AWS::Config::ConfigurationRecorder', 'AWS Config'],
  ['AWS::Macie::Session', 'Amazon Macie'],
  ['Custom::InspectorEnablement', 'Amazon Inspector'],
  ['AWS::ECR::Repository', 'Amazon ECR (scan on push per DPP-3.7 rules)'],
];

/** A stack's name in the documents: its CloudFormation name, or the file of a loose template. */
function stackOf(index: TemplateIndex): string {
  return index.stack.stackName ?? index.stack.id;
}

function shown(value: Value): string {
  switch (value.kind) {
    case 'absent': return 'not set';
    case 'known': return typeof value.value === 'object' ? JSON.stringify(value.value) : String(value.value);
    case 'reference': return value.attribute ? `${value.logicalId}.${value.attribute}` : value.logicalId;
    case 'unresolvable': return `decided at deploy time (${value.why})`;
  }
}

function flag(index: TemplateIndex, raw: unknown): string {
  const value = index.classify(raw);
  if (value.kind !== 'known') return shown(value);
  const b = asBoolean(value.value);
  return b === undefined ? shown(value) : b ? 'yes' : 'no';
}

function subscriber(index: TemplateIndex, protocol: unknown, endpoint: unknown): string {
  return `${shown(index.classify(protocol))}: ${shown(index.classify(endpoint))}`;
}

function securityTopics(index: TemplateIndex): SecurityTopicFact[] {
  const out: SecurityTopicFact[] = [];
  for (const logicalId of index.ofType('AWS::SNS::Topic')) {
    const purpose = index.tag(logicalId, TAG_PURPOSE);
    if (purpose.kind !== 'known' || purpose.value !== PURPOSE_SECURITY_ALERTS) continue;
    const inline = asArray(index.resource(logicalId)?.Properties?.Subscription).map((s) => {
      const entry = (s ?? {}) as { Protocol?: unknown; Endpoint?: unknown };
      return subscriber(index, entry.Protocol, entry.Endpoint);
    });
    const separate = index.referrersOf(logicalId, 'AWS::SNS::Subscription', 'Properties.TopicArn').map((r) => {
      const props = index.resource(r.from)?.Properties ?? {};
      return subscriber(index, props.Protocol, props.Endpoint);
    });
    out.push({ stack: stackOf(index), logicalId, subscribers: [...inline, ...separate] });
  }
  return out;
}

function trails(index: TemplateIndex): TrailFact[] {
  return index.ofType('AWS::CloudTrail::Trail').map((logicalId) => {
    const props = index.resource(logicalId)?.Properties ?? {};
    return {
      stack: stackOf(index),
      logicalId,
      multiRegion: flag(index, props.IsMultiRegionTrail),
      logFileValidation: flag(index, props.EnableLogFileValidation),
      cloudWatchLogs: shown(index.classify(props.CloudWatchLogsLogGroupArn)),
    };
  });
}

function lockouts(index: TemplateIndex): LockoutFact[] {
  const out: LockoutFact[] = [];
  for (const logicalId of index.ofType('AWS::Lambda::Function')) {
    const variables = (index.resource(logicalId)?.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables;
    if (!variables || !LOCKOUT_VARIABLES.every((v) => v in variables)) continue;
    const seconds = asNumber(variables.WINDOW_SECONDS);
    out.push({
      stack: stackOf(index),
      logicalId,
      maxFailures: shown(index.classify(variables.MAX_FAILURES)),
      windowMinutes: seconds === undefined ? shown(index.classify(variables.WINDOW_SECONDS)) : String(seconds / 60),
      action: shown(index.classify(variables.LOCKOUT_ACTION)),
    });
  }
  return out;
}

function logGroups(index: TemplateIndex): LogGroupFact[] {
  return index.ofType('AWS::Logs::LogGroup').map((logicalId) => {
    const value = index.classify(index.resource(logicalId)?.Properties?.RetentionInDays);
    return { stack: stackOf(index), logicalId, retention: value.kind === 'absent' ? 'never expires' : value.kind === 'known' ? `${shown(value)} days` : shown(value) };
  });
}

function detectiveServices(index: TemplateIndex): DetectiveServiceFact[] {
  return DETECTIVE_SERVICE_TYPES.flatMap(([type, service]) => index.ofType(type).map((logicalId) => ({ stack: stackOf(index), logicalId, service })));
}

/** The facts of every checked template, one pass over each index's resources of the types concerned. */
export function appFacts(indexes: readonly TemplateIndex[]): AppFacts {
  return {
    securityTopics: indexes.flatMap(securityTopics),
    trails: indexes.flatMap(trails),
    lockouts: indexes.flatMap(lockouts),
    logGroups: indexes.flatMap(logGroups),
    detectiveServices: indexes.flatMap(detectiveServices),
  };
}
