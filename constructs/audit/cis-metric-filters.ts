/**
 * The CloudTrail metric filters of the CIS AWS Foundations Benchmark's monitoring section (the
 * Security Hub controls CloudWatch.1–CloudWatch.14, plus Organizations changes), each an alarm
 * of {@link SecurityAlarms} (DPP 3.6 Logging and Monitoring, DPP 2.7 Incident Response).
 * Patterns follow the benchmark's text, in CloudWatch Logs filter syntax.
 */
export interface CisMetricFilter {
  /** Construct ID and metric name. */
  readonly id: string;
  /** What the alarm means, for its description and the alert e-mail. */
  readonly description: string;
  /** The Security Hub control (CIS) it satisfies. */
  readonly control: string;
  /** The CloudWatch Logs filter pattern over CloudTrail JSON events. */
  readonly pattern: string;
}

const anyEvent = (...names: string[]): string => names.map((n) => `($.eventName = ${n})`).join(' || ');

export const CIS_METRIC_FILTERS: readonly CisMetricFilter[] = [
  {
    id: 'UnauthorizedApiCalls',
    description: 'Unauthorized API calls',
    control: 'CloudWatch.2',
    pattern: '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  },
  {
    id: 'ConsoleSignInWithoutMfa',
    description: 'Console sign-in without MFA',
    control: 'CloudWatch.3',
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    id: 'RootAccountUsage',
    description: 'Use of the root user',
    control: 'CloudWatch.1',
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    id: 'IamPolicyChanges',
    description: 'IAM policy changes',
    control: 'CloudWatch.4',
    pattern: `{ ${anyEvent('DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy',
      'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy',
      'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy')} }`,
  },
  {
    id: 'CloudTrailChanges',
    description: 'CloudTrail configuration changes',
    control: 'CloudWatch.5',
    pattern: `{ ${anyEvent('CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging')} }`,
  },
  {
    id: 'ConsoleAuthenticationFailures',
    description: 'Console authentication failures',
    control: 'CloudWatch.6',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  },
  {
    id: 'KmsKeyDisabledOrScheduledForDeletion',
    description: 'Customer KMS keys disabled or scheduled for deletion',
    control: 'CloudWatch.7',
    pattern: '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
  },
  {
    id: 'S3BucketPolicyChanges',
    description: 'S3 bucket policy changes',
    control: 'CloudWatch.8',
    pattern: `{ ($.eventSource = s3.amazonaws.com) && (${anyEvent('PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle',
      'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication')}) }`,
  },
  {
    id: 'ConfigChanges',
    description: 'AWS Config configuration changes',
    control: 'CloudWatch.9',
    pattern: `{ ($.eventSource = config.amazonaws.com) && (${anyEvent('StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder')}) }`,
  },
  {
    id: 'SecurityGroupChanges',
    description: 'Security group changes',
    control: 'CloudWatch.10',
    pattern: `{ ${anyEvent('AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress',
      'CreateSecurityGroup', 'DeleteSecurityGroup')} }`,
  },
  {
    id: 'NetworkAclChanges',
    description: 'Network ACL changes',
    control: 'CloudWatch.11',
    pattern: `{ ${anyEvent('CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry',
      'ReplaceNetworkAclAssociation')} }`,
  },
  {
    id: 'NetworkGatewayChanges',
    description: 'Network gateway changes',
    control: 'CloudWatch.12',
    pattern: `{ ${anyEvent('CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway',
      'DetachInternetGateway')} }`,
  },
  {
    id: 'RouteTableChanges',
    description: 'Route table changes',
    control: 'CloudWatch.13',
    pattern: `{ ($.eventSource = ec2.amazonaws.com) && (${anyEvent('CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation',
      'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable')}) }`,
  },
  {
    id: 'VpcChanges',
    description: 'VPC changes',
    control: 'CloudWatch.14',
    pattern: `{ ${anyEvent('CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection',
      'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink',
      'EnableVpcClassicLink')} }`,
  },
  {
    id: 'OrganizationsChanges',
    description: 'AWS Organizations changes',
    control: 'CIS 4.15',
    pattern: `{ ($.eventSource = organizations.amazonaws.com) && (${anyEvent('AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit',
      'CreatePolicy', 'DeclineHandshake', 'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType',
      'EnablePolicyType', 'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy',
      'UpdateOrganizationalUnit')}) }`,
  },
];
