/**
 * The `Custom::AccountPasswordPolicy` handler for CloudFormation to invoke directly, without the
 * CDK provider framework: the code a StackSet deploys inline (README "Organization"). Same
 * behaviour as `account-password-policy`; it also reports the outcome to CloudFormation itself.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { onEvent } from './account-password-policy';
import { respondingTo } from './cloudformation-response';

let client: IAMClient | undefined;

/** The Lambda entry point. */
export const handler = respondingTo((request) => {
  client ??= new IAMClient({});
  return onEvent(client, request);
});
