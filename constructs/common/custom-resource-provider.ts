import { RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { functionRole } from './function-role';
import { acknowledgeControlPlaneFunction, acknowledgeNag, wildcardResourceFinding } from './nag-acknowledgments';

/**
 * CDK's custom-resource provider framework around a handler function, as the DPP constructs use
 * it: its own log group (retention and key given), a role that may only write there and invoke
 * the handler, and the cdk-nag acknowledgments that fit a function only CloudFormation invokes.
 * The framework answers CloudFormation on every path: a handler that throws becomes a FAILED
 * response with the error, never a stack left waiting for the timeout.
 */
export function customResourceProvider(scope: Construct, handler: lambda.IFunction, logRetention: logs.RetentionDays, logEncryptionKey: kms.IKey | undefined, what: string): cr.Provider {
  const logGroup = new logs.LogGroup(scope, 'ProviderLogGroup', { retention: logRetention, encryptionKey: logEncryptionKey, removalPolicy: RemovalPolicy.RETAIN });
  const role = functionRole(scope, 'ProviderRole', logGroup, `the ${what} provider`);
  const provider = new cr.Provider(scope, 'Provider', { onEventHandler: handler, logGroup, frameworkOnEventRole: role });
  acknowledgeNag(role, wildcardResourceFinding(scope, `${handler.functionArn}:*`),
    'CDK\'s provider framework may invoke the handler function and its versions (`<function ARN>:*`): that one function, nothing else. ' +
    'Only CloudFormation can invoke the framework function itself.');
  acknowledgeControlPlaneFunction(provider, { calls: 'Lambda, to invoke the handler', invokedBy: 'CloudFormation', customResource: true });
  return provider;
}
