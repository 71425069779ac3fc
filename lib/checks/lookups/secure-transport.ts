import { literalText } from '../template-index';
import type { ResourceContext, Verdict } from '../types';
import { fail, unresolvable } from '../types';
import { asArray, containsIntrinsic, isIntrinsic } from '../values';
import { actionMatches, conditionTests, INTRINSIC, isDenyInsecureTransport, SECURE_TRANSPORT_KEY, statementsOf, testsFalse, type Statement } from './policy-document';

/**
 * DPP 2.5 Encryption in Transit for resources whose access is governed by a resource policy
 * (S3 buckets, SNS topics, SQS queues): the policy must `Deny` every principal the service's data
 * actions when `aws:SecureTransport` is false, so no request without TLS is ever served. This is
 * what CDK's `enforceSSL: true` writes.
 */

/** Where a service keeps a resource's policies: the policy type, its property naming the target, and the document. */
export interface PolicyAttachment {
  readonly policyType: string;
  readonly targetProperty: string;
  readonly documentProperty: string;
}

type Coverage = 'yes' | 'no' | 'unknown';

/** What a deny must cover for one kind of resource. */
export interface SecureTransportTarget {
  /** What the resource is called in messages: "bucket", "topic", "queue". */
  readonly noun: string;
  /** What its policy is called in messages: "bucket policy". */
  readonly policyNoun: string;
  readonly attachments: readonly PolicyAttachment[];
  /** Data actions the deny must cover (e.g. `s3:GetObject`, `s3:PutObject`). */
  readonly actions: readonly string[];
  /** Whether one raw `Resource` entry of a statement covers the target. */
  coversResource(raw: unknown, ctx: ResourceContext): Coverage;
}

function refersWhere(raw: unknown, match: (logicalId: string) => boolean): boolean {
  if (raw === null || typeof raw !== 'object') return false;
  if (Array.isArray(raw)) return raw.some((item) => refersWhere(item, match));
  const obj = raw as Record<string, unknown>;
  if (typeof obj.Ref === 'string' && match(obj.Ref)) return true;
  const getAtt = obj['Fn::GetAtt'];
  const target = Array.isArray(getAtt) ? getAtt[0] : typeof getAtt === 'string' ? getAtt.split('.')[0] : undefined;
  if (typeof target === 'string' && match(target)) return true;
  return Object.values(obj).some((child) => refersWhere(child, match));
}

/** True when a raw value holds a `Ref`/`Fn::GetAtt` to `logicalId` anywhere inside. */
export function refersTo(raw: unknown, logicalId: string): boolean {
  return refersWhere(raw, (id) => id === logicalId);
}

/**
 * A `Resource` entry naming the resource itself (SNS topic, SQS queue): `*`, a literal ARN (a
 * resource policy governs only its own resources), or a reference to it. A reference to another
 * resource does not cover it; an intrinsic built from parameters is unknown.
 */
export function coversSelf(raw: unknown, ctx: ResourceContext): Coverage {
  if (typeof raw === 'string') return 'yes';
  if (refersTo(raw, ctx.logicalId) || ctx.index.literalTarget(raw) === ctx.logicalId) return 'yes';
  if (refersWhere(raw, (id) => ctx.index.hasResource(id))) return 'no';
  return containsIntrinsic(raw) ? 'unknown' : 'no';
}

/**
 * A `Resource` entry covering every object of the bucket: `*`, `arn:…:s3:::name/*`, or the bucket
 * ARN joined with `/*` (what CDK writes). A prefix (`…/reports/*`) leaves other objects uncovered.
 */
export function coversBucketObjects(raw: unknown, ctx: ResourceContext): Coverage {
  if (typeof raw === 'string') return raw === '*' || /^arn:[^:]*:s3:::[^/]+\/\*$/.test(raw) ? 'yes' : 'no';
  if (!isIntrinsic(raw)) return 'no';
  // An ARN built from literals and pseudo parameters (`arn:${AWS::Partition}:s3:::name/*`).
  const literal = literalText(raw);
  if (literal !== undefined && !literal.includes('${')) return /^arn:[^:]*:s3:::[^/]+\/\*$/.test(literal) ? 'yes' : 'no';
  const join = raw['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) {
    const parts = join[1] as unknown[];
    const last = parts[parts.length - 1];
    if (typeof last !== 'string') return 'unknown';
    // Exactly "<bucket ARN>" + "/*": any further part is a key prefix.
    return parts.length === 2 && ((join[0] === '' && last === '/*') || (join[0] === '/' && last === '*')) ? 'yes' : 'no';
  }
  const sub = raw['Fn::Sub'];
  const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  if (text !== undefined) return /^(?:\$\{[^}]+\}|arn:[^:]*:s3:::[^/]+)\/\*$/.test(text) ? 'yes' : 'no';
  return refersWhere(raw, (id) => ctx.index.hasResource(id)) ? 'no' : 'unknown';
}

function worst(a: Coverage, b: Coverage): Coverage {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'unknown' || b === 'unknown' ? 'unknown' : 'yes';
}

function best(values: readonly Coverage[]): Coverage {
  if (values.includes('yes')) return 'yes';
  return values.includes('unknown') ? 'unknown' : 'no';
}

/** True when the statement's only condition is the `aws:SecureTransport` test (any other key narrows the deny). */
function onlySecureTransportCondition(statement: Statement): boolean {
  return statement.conditions.length === 1 && testsFalse(statement.conditions[0], SECURE_TRANSPORT_KEY);
}

/**
 * Whether a Condition could be an `aws:SecureTransport` test at deploy: it names that key, or the
 * Condition or one of its operator blocks is an intrinsic. A deny whose literal keys are all other
 * keys (a VPC endpoint's Ref under `aws:SourceVpce`) never enforces TLS, whatever its values.
 */
function mayTestSecureTransport(condition: unknown): boolean {
  if (isIntrinsic(condition)) return true;
  return conditionTests(condition).some((test) => test.key === INTRINSIC || test.key === SECURE_TRANSPORT_KEY);
}

/** 'yes' when `covered`, else 'unknown' when an intrinsic might cover it, else 'no'. */
function coverage(covered: boolean, mightBeIntrinsic: boolean): Coverage {
  if (covered) return 'yes';
  return mightBeIntrinsic ? 'unknown' : 'no';
}

/** Whether a deny-insecure-transport statement applies to every principal, the data actions and the resource. */
function statementCovers(statement: Statement, target: SecureTransportTarget, ctx: ResourceContext): Coverage {
  if (!onlySecureTransportCondition(statement) || statement.notPrincipal || statement.notResource) return 'no';
  const principal = coverage(statement.principals.includes('*'), statement.principals.includes(INTRINSIC));
  // A NotAction deny covers an action unless it names it; an Action deny covers it only if it names it.
  const named = (action: string) => statement.actions.some((pattern) => actionMatches(pattern, action));
  const actions = coverage(target.actions.every((a) => named(a) !== statement.notAction), statement.actions.includes(INTRINSIC));
  const resource = best(asArray(statement.raw.Resource).map((r) => target.coversResource(r, ctx)));
  return worst(worst(principal, actions), resource);
}

/** The resource policies attached to the target, by logical ID (a policy listing the target twice counts once). */
export function attachedPolicies(ctx: ResourceContext, target: SecureTransportTarget): Array<{ id: string; attachment: PolicyAttachment }> {
  const found = new Map<string, PolicyAttachment>();
  for (const attachment of target.attachments) {
    for (const ref of ctx.index.referrersOf(ctx.logicalId, attachment.policyType, `Properties.${attachment.targetProperty}`)) {
      const rest = ref.path.slice(`Properties.${attachment.targetProperty}`.length);
      if (rest === '' || rest.startsWith('.')) found.set(ref.from, attachment);
    }
  }
  return [...found].map(([id, attachment]) => ({ id, attachment }));
}

/**
 * The verdict for a resource that must have a resource policy denying requests without TLS:
 * nothing when one applies to it unconditionally, a warning when only an unresolvable policy
 * might, a failure otherwise.
 */
export function requireDenyInsecureTransport(ctx: ResourceContext, target: SecureTransportTarget): Verdict | undefined {
  const policies = attachedPolicies(ctx, target);
  if (policies.length === 0) {
    return fail(`the ${target.noun} has no ${target.policyNoun}, so nothing denies requests without TLS (aws:SecureTransport: false)`);
  }
  let uncertain: Verdict | undefined;
  for (const { id, attachment } of policies) {
    const property = `${id}.${attachment.documentProperty}`;
    const policy = ctx.index.resource(id);
    const { statements, unresolvable: documentUnresolvable } = statementsOf(policy?.Properties?.[attachment.documentProperty]);
    if (documentUnresolvable) uncertain ??= unresolvable(property, 'the policy document or a statement is given by an intrinsic');
    for (const statement of statements) {
      const deniesInsecure = isDenyInsecureTransport(statement);
      if (!deniesInsecure) {
        if (statement.effect !== 'Allow' && (statement.unresolvable || containsIntrinsic(statement.raw.Condition)) && mayTestSecureTransport(statement.raw.Condition)) {
          uncertain ??= unresolvable(`${property}.${statement.label}`, 'its Effect or Condition is given by an intrinsic');
        }
        continue;
      }
      const coverage = statementCovers(statement, target, ctx);
      if (coverage === 'unknown') uncertain ??= unresolvable(`${property}.${statement.label}`, 'its principal, actions or resources are given by an intrinsic');
      else if (coverage === 'yes') {
        if (policy?.Condition === undefined) return undefined;
        uncertain ??= unresolvable(property, `${id} exists only when condition ${policy.Condition} holds`);
      }
    }
  }
  return uncertain ?? fail(
    `${target.policyNoun} ${policies.map((p) => p.id).join(', ')} does not deny every principal ${target.actions.join('/')} on the ${target.noun} when aws:SecureTransport is false`,
  );
}

/** S3: the bucket policy must deny object reads and writes without TLS, on every object. */
export const S3_BUCKET_TARGET: SecureTransportTarget = {
  noun: 'bucket',
  policyNoun: 'bucket policy',
  attachments: [{ policyType: 'AWS::S3::BucketPolicy', targetProperty: 'Bucket', documentProperty: 'PolicyDocument' }],
  actions: ['s3:GetObject', 's3:PutObject'],
  coversResource: coversBucketObjects,
};

/** SNS: the topic policy must deny publishing without TLS. */
export const SNS_TOPIC_TARGET: SecureTransportTarget = {
  noun: 'topic',
  policyNoun: 'topic policy',
  attachments: [
    { policyType: 'AWS::SNS::TopicPolicy', targetProperty: 'Topics', documentProperty: 'PolicyDocument' },
    { policyType: 'AWS::SNS::TopicInlinePolicy', targetProperty: 'TopicArn', documentProperty: 'PolicyDocument' },
  ],
  actions: ['sns:Publish'],
  coversResource: coversSelf,
};

/** SQS: the queue policy must deny sending and receiving without TLS. */
export const SQS_QUEUE_TARGET: SecureTransportTarget = {
  noun: 'queue',
  policyNoun: 'queue policy',
  attachments: [
    { policyType: 'AWS::SQS::QueuePolicy', targetProperty: 'Queues', documentProperty: 'PolicyDocument' },
    { policyType: 'AWS::SQS::QueueInlinePolicy', targetProperty: 'Queue', documentProperty: 'PolicyDocument' },
  ],
  actions: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
  coversResource: coversSelf,
};
