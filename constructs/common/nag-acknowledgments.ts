import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledgments of cdk-nag's own packs (`AwsSolutionsChecks`, `NIST80053R5Checks`) that more
 * than one construct needs, and the finding IDs those packs give wildcard and managed-policy
 * findings.
 *
 * **ID form.** cdk-nag packs are acknowledged with the bare rule ID (`AwsSolutions-IAM5[…]`,
 * `NIST.800.53.R5-LambdaDLQ`), never `AwsSolutions::AwsSolutions-IAM5[…]`: the CDK records a bare
 * ID as `Annotation::<id>`, and cdk-nag 3 matches an acknowledgment by stripping that prefix, so a
 * bare ID holds both when a pack runs through `validateScope` and when the CDK runs it at synth
 * (cdk-nag then leaves the finding out before the CDK sees it). The qualified form is matched only
 * by the CDK at synth, never by cdk-nag itself. The DPP pack is the other way round
 * (`DPP::<id>`): see `DppChecks`.
 *
 * Every reason says why the finding is acceptable where it is and what mitigates it, so the
 * generated `docs/acknowledgments.md` reads as a justification, not a list of exceptions.
 */

/** Records `reason` for cdk-nag rule `id` (bare, see above) on `scope` and everything under it. */
export function acknowledgeNag(scope: IConstruct, id: string, reason: string): void {
  if (/^[^[]*::/.test(id)) throw new Error(`acknowledgeNag: ${id} must be a bare cdk-nag rule ID (without the '<pack>::' prefix)`);
  Validations.of(scope).acknowledge({ id, reason });
}

/** cdk-nag's flat rendering of a CloudFormation value (`<LogicalId.Attr>`, `<AWS::Partition>`, joins inlined). */
function flatten(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\${/g, '<').replace(/}/g, '>');
  const node = value as Record<string, unknown>;
  if (node['Fn::Join']) {
    const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
    return items.map(flatten).join(delimiter);
  }
  if (node['Fn::Sub']) return flatten(node['Fn::Sub']);
  if (node['Fn::GetAtt']) {
    const [resource, attribute] = node['Fn::GetAtt'] as [unknown, unknown];
    return `<${flatten(resource)}.${flatten(attribute)}>`;
  }
  if (node['Fn::ImportValue']) return flatten(node['Fn::ImportValue']);
  if (node.Ref) return `<${flatten(node.Ref)}>`;
  return JSON.stringify(value);
}

/** The finding ID of `AwsSolutions-IAM5` for an allowed wildcard resource (an ARN, possibly a token). */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(resource))}]`;
}

/** The finding ID of `AwsSolutions-IAM5` for an allowed wildcard action (`kms:GenerateDataKey*`). */
export function wildcardActionFinding(action: string): string {
  return `AwsSolutions-IAM5[Action::${action}]`;
}

/** The finding ID of `AwsSolutions-IAM4` for an AWS managed policy, by its name (`service-role/AWS_ConfigRole`). */
export function awsManagedPolicyFinding(name: string): string {
  return `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`;
}

/**
 * Acknowledges NIST 800-53 R5 `IAMNoInlinePolicy` on a role, group or policy whose permissions are
 * an inline policy (the `DefaultPolicy` CDK grants write, or an explicit `iam.Policy`).
 * `holder` says whose permissions they are, e.g. "the flow-log delivery role".
 */
export function acknowledgeInlinePolicy(scope: IConstruct, holder: string): void {
  acknowledgeNag(scope, 'NIST.800.53.R5-IAMNoInlinePolicy',
    `The permissions of ${holder} are an inline policy generated from CDK grants: it belongs to this one identity, is created, changed and deleted with it, and cannot be attached anywhere else, so it cannot drift or widen another identity's access. ` +
    'Its statements name only what this identity must reach, are reviewed in code, and are checked by the DPP 2.3 Least Privilege Access rules.');
}

/** What a Lambda function that only calls AWS APIs (a custom-resource handler, an event handler) is, for {@link acknowledgeControlPlaneFunction}. */
export interface ControlPlaneFunction {
  /** The AWS APIs it calls, e.g. "IAM (account password policy)". */
  readonly calls: string;
  /** The only principal allowed to invoke it, e.g. "CloudFormation" or "the EventBridge rule on failed console sign-ins". */
  readonly invokedBy: string;
  /**
   * Whether it answers CloudFormation custom-resource requests: a dead-letter queue is then
   * acknowledged too (nothing could replay a request CloudFormation has given up on).
   */
  readonly customResource: boolean;
}

/**
 * Acknowledges the NIST 800-53 R5 Lambda findings that do not fit a function that only calls AWS
 * APIs: `LambdaInsideVPC`, `LambdaConcurrency` and, for custom-resource handlers, `LambdaDLQ`.
 * `scope` is the function (or a construct holding only it).
 */
export function acknowledgeControlPlaneFunction(scope: IConstruct, fn: ControlPlaneFunction): void {
  acknowledgeNag(scope, 'NIST.800.53.R5-LambdaInsideVPC',
    `The function only calls AWS APIs (${fn.calls}) over TLS with requests signed by its role, opens no listener and reaches nothing inside the VPC. ` +
    'Placing it in the VPC would add network interfaces and a NAT dependency without narrowing what it can reach: its least-privilege role does that (DPP 2.3).');
  acknowledgeNag(scope, 'NIST.800.53.R5-LambdaConcurrency',
    `Only ${fn.invokedBy} may invoke the function (its resource policy), so nobody else can exhaust concurrency through it. ` +
    'Reserving concurrency would take capacity from the account\'s unreserved pool, fails to deploy in accounts still at the low default quota, and could throttle a security control exactly when events surge.');
  if (fn.customResource) {
    acknowledgeNag(scope, 'NIST.800.53.R5-LambdaDLQ',
      'The function answers CloudFormation custom-resource requests: a failed request fails (or times out) the stack operation, which CloudFormation rolls back and records in the stack events, with the error in the function\'s log group. ' +
      'A dead-letter queue would hold requests nothing can replay, since CloudFormation does not accept a response after it has given up.');
  }
}

/**
 * Acknowledges NIST 800-53 R5 `S3BucketReplicationEnabled` on a bucket, with `why` the bucket's
 * own reason (what replication would cost it) before the common mitigation.
 */
export function acknowledgeNoReplication(bucket: IConstruct, why: string): void {
  acknowledgeNag(bucket, 'NIST.800.53.R5-S3BucketReplicationEnabled',
    `${why} S3 already stores every object redundantly across at least three availability zones, and versioning lets a deleted or overwritten object be recovered.`);
}
