import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { acknowledgeInlinePolicy } from './nag-acknowledgments';

/**
 * An execution role for a Lambda function that may write only to its own log group: what
 * `AWSLambdaBasicExecutionRole` grants, without that managed policy's `logs:CreateLogGroup` and log
 * writes to every group in the account (DPP 2.3 Least Privilege Access). The log group is the
 * stack's own (created with its retention and key before the function runs), so the function
 * never needs to create one. Further permissions are granted to the role as usual.
 * `functionName` names the function in prose ("the account lockout handler") for the role's
 * description and acknowledgments.
 */
export function functionRole(scope: Construct, id: string, logGroup: logs.ILogGroup, functionName: string): iam.Role {
  const role = new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: `Execution role of ${functionName}` });
  logGroup.grantWrite(role);
  acknowledgeInlinePolicy(role, `the execution role of ${functionName}`);
  return role;
}
