import { Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { functionRole } from '../common/function-role';
import { acknowledgeControlPlaneFunction, acknowledgeNag, wildcardResourceFinding } from '../common/nag-acknowledgments';
import { retainExceptOnCreate } from '../common/removal';
import { HANDLERS_DIR, INLINE_CODE, handlerEntry, inlineHandlerCode, lockFileOf } from '../common/handler-source';

export { handlerEntry, lockFileOf } from '../common/handler-source';

/** Props of {@link HandlerFunction}. */
export interface HandlerFunctionProps {
  /** The handler's file name in `lib/handlers/`, without extension. */
  readonly handler: string;
  /** What the function does, for its description. */
  readonly description: string;
  /** Days its log group keeps events: a value CloudWatch Logs accepts, validated by the caller. */
  readonly logRetention: logs.RetentionDays;
  /**
   * The customer-managed key its log group is encrypted with (DPP 3.4); its policy must let
   * CloudWatch Logs use it (`EncryptionKeys.logs` does).
   * @default - CloudWatch Logs' own encryption at rest
   */
  readonly logEncryptionKey?: kms.IKey;
  /**
   * Where asynchronous invocations that still fail after Lambda's retries go, instead of being
   * dropped (e.g. the security topic, so a lost security event is seen: DPP 2.7).
   * @default - none: failed asynchronous events are dropped after the retries
   */
  readonly deadLetterTopic?: sns.ITopic;
  /**
   * Environment variables.
   * @default - none
   */
  readonly environment?: Record<string, string>;
  /**
   * How long one invocation may run.
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;
  /**
   * The VPC to run in, for a handler that must reach a store only through the VPC's endpoints
   * (a PII bucket that denies requests from outside them). Lambda then needs its role to manage
   * network interfaces, which CDK grants.
   * @default - not in a VPC
   */
  readonly vpc?: ec2.IVpc;
  /**
   * The subnets, with `vpc`.
   * @default - the VPC's private subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * The security groups, with `vpc`.
   * @default - one that allows all outbound traffic
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
  /**
   * Put the bundled code in the template (`Code.ZipFile`) instead of an asset: for templates
   * deployed where the CDK asset bucket cannot be read, such as a StackSet's instances in other
   * accounts. The handler must then be one CloudFormation or EventBridge invokes directly (no
   * provider framework, whose code is an asset).
   * @default false
   */
  readonly inlineCode?: boolean;
}

/**
 * A Node.js 24 (the latest Lambda runtime) function bundled from a handler in `lib/handlers/` with
 * the local esbuild (no Docker), with the AWS SDK v3 left to the runtime, and its own log group
 * created with an explicit retention (DPP 3.6 Logging and Monitoring: logs kept at least 90 days)
 * instead of the never-expiring group Lambda would create on first invocation. Its execution role
 * may write only to that log group (no `AWSLambdaBasicExecutionRole`, DPP 2.3); grant it the rest.
 */
export class HandlerFunction extends Construct {
  public readonly function: lambda.Function;
  public readonly logGroup: logs.LogGroup;
  /** The function's execution role. */
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      encryptionKey: props.logEncryptionKey,
      removalPolicy: retainExceptOnCreate(),
    });
    this.role = functionRole(this, 'Role', this.logGroup, `the ${props.handler} handler`);
    const common = {
      role: this.role,
      deadLetterTopic: props.deadLetterTopic,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      description: props.description,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: 256,
      environment: props.environment,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets,
      securityGroups: props.securityGroups,
      logGroup: this.logGroup,
    };
    this.function = props.inlineCode
      ? new lambda.Function(this, 'Function', { ...common, code: lambda.Code.fromInline(inlineHandlerCode(props.handler)), handler: INLINE_CODE.handler })
      : new NodejsFunction(this, 'Function', {
        ...common,
        entry: handlerEntry(props.handler),
        depsLockFilePath: lockFileOf(HANDLERS_DIR),
        handler: 'handler',
        bundling: {
          externalModules: ['@aws-sdk/*'],
          forceDockerBundling: false,
          minify: true,
          sourceMap: false,
          target: 'node24',
        },
      });
  }
}

/**
 * A CloudFormation custom-resource provider (CDK's provider framework) for a handler: its own
 * retained log group and a role that may write only there, and the framework's findings
 * acknowledged (it may invoke only the handler; only CloudFormation invokes it).
 */
export function handlerProvider(scope: Construct, handler: HandlerFunction, logRetention: logs.RetentionDays, logEncryptionKey: kms.IKey | undefined, what: string): cr.Provider {
  const logGroup = new logs.LogGroup(scope, 'ProviderLogGroup', { retention: logRetention, encryptionKey: logEncryptionKey, removalPolicy: retainExceptOnCreate() });
  const role = functionRole(scope, 'ProviderRole', logGroup, `the ${what} provider`);
  const provider = new cr.Provider(scope, 'Provider', { onEventHandler: handler.function, logGroup, frameworkOnEventRole: role });
  acknowledgeNag(role, wildcardResourceFinding(scope, `${handler.function.functionArn}:*`),
    'CDK\'s provider framework may invoke the handler function and its versions (`<function ARN>:*`): that one function, nothing else. ' +
    'Only CloudFormation can invoke the framework function itself.');
  acknowledgeControlPlaneFunction(provider, { calls: 'Lambda, to invoke the handler', invokedBy: 'CloudFormation', customResource: true });
  return provider;
}
