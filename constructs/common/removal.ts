import { RemovalPolicy } from 'aws-cdk-lib';

/**
 * The removal policy of a resource kept when its stack is deleted or it is replaced, but deleted
 * when the create that made it rolls back (CloudFormation `DeletionPolicy: RetainExceptOnCreate`),
 * so a failed first deploy leaves nothing behind that blocks the retry (a log group with a fixed
 * name "already exists"). Only for resources CloudFormation can always delete: never one with
 * deletion protection, which would leave the rollback stuck.
 * Source: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html
 */
export function retainExceptOnCreate(policy: RemovalPolicy = RemovalPolicy.RETAIN): RemovalPolicy {
  return policy === RemovalPolicy.RETAIN ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : policy;
}
