import { Duration, RemovalPolicy, Stack, Tags, Validations } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as macie from 'aws-cdk-lib/aws-macie';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN } from '../../lib/checks/vocabulary';
import { requireLogRetentionDays } from '../audit/log-retention';
import { logServerAccess, newAccessLogsBucket } from '../audit/server-access-logs';
import { functionRole } from '../common/function-role';
import {
  acknowledgeControlPlaneFunction, acknowledgeInlinePolicy, acknowledgeNag, acknowledgeNoReplication, awsManagedPolicyFinding, wildcardResourceFinding,
} from '../common/nag-acknowledgments';
import { requireIntegerInRange } from '../common/validate';
import { recordCreationTrace } from '../common/creation-trace';

/** The detective services, each of which an environment may leave to its organization's administrator account. */
export interface DetectiveServiceSwitches {
  /**
   * Amazon GuardDuty threat detection (DPP 2.7 Incident Response).
   * @default true
   */
  readonly guardDuty?: boolean;
  /**
   * AWS Security Hub with the AWS Foundational Security Best Practices and CIS standards (DPP 2.7).
   * @default true
   */
  readonly securityHub?: boolean;
  /**
   * AWS Config recorder, delivery channel and rules (DPP 3.3 Asset Management).
   * @default true
   */
  readonly config?: boolean;
  /**
   * Amazon Macie sensitive-data discovery in S3 (DPP 3.3 data loss prevention).
   * @default true
   */
  readonly macie?: boolean;
  /**
   * Amazon Inspector vulnerability scanning of EC2, ECR and Lambda (DPP 3.7 Vulnerability Management).
   * @default true
   */
  readonly inspector?: boolean;
  /**
   * EBS encryption by default in the stack's region, so every new volume and snapshot is encrypted
   * (DPP 3.3 Asset Management baseline configuration, DPP 3.4 Encryption at Rest). CloudFormation
   * has no resource for it: a custom resource calls `ec2:EnableEbsEncryptionByDefault`; deleting
   * the stack leaves it enabled.
   * @default true
   */
  readonly ebsEncryptionByDefault?: boolean;
}

/** Props of {@link DetectiveServices}. */
export interface DetectiveServicesProps extends DetectiveServiceSwitches {
  /** The security topic findings are routed to (DPP 2.7). */
  readonly alertTopic: sns.ITopic;
  /**
   * GuardDuty findings from this severity up are sent to the topic (1 to 8; 4 = medium, 7 = high).
   * @default 4
   */
  readonly minimumGuardDutySeverity?: number;
  /**
   * Retention of the logs of the function that enables Inspector: at least 90 days (DPP 3.6).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The customer-managed key the log group of the function that enables Inspector is encrypted
   * with (DPP 3.4); its policy must let CloudWatch Logs use it (`EncryptionKeys.logs` does).
   * @default - CloudWatch Logs' own encryption at rest
   */
  readonly logEncryptionKey?: kms.IKey;
  /**
   * The bucket that receives the Config delivery bucket's S3 server access logs (DPP 3.6), e.g.
   * `AuditTrail.accessLogsBucket`.
   * @default - a dedicated access-log bucket
   */
  readonly accessLogsBucket?: s3.IBucket;
  /**
   * What happens to the Config delivery bucket (and a dedicated access-log bucket) when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The Security Hub standards enabled, by name: the part of the ARN after `arn:<partition>:securityhub:<region>::`. */
export const SECURITY_HUB_STANDARDS = {
  AwsFoundationalBestPractices: 'standards/aws-foundational-security-best-practices/v/1.0.0',
  CisAwsFoundations: 'standards/cis-aws-foundations-benchmark/v/3.0.0',
} as const;

/** The GuardDuty protection plans CloudFormation can enable on a detector. */
export const GUARD_DUTY_FEATURES: readonly string[] = ['S3_DATA_EVENTS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS'];

/** Inspector scan types enabled. */
export const INSPECTOR_RESOURCE_TYPES: readonly string[] = ['EC2', 'ECR', 'LAMBDA'];

const NAME = 'DetectiveServices';

/**
 * The detective services of an account (DPP 2.7 Incident Response, DPP 3.3 Asset Management,
 * DPP 3.7 Vulnerability Management):
 * - **GuardDuty** with S3 data-event, EBS malware, RDS login and Lambda network protection;
 *   findings of medium severity and up go to the security topic;
 * - **Security Hub** with the AWS Foundational Security Best Practices and CIS AWS Foundations
 *   standards (consolidated control findings); new, active high and critical findings go to the topic;
 * - **AWS Config**: a recorder of every supported resource type (global ones included), a delivery
 *   channel to an encrypted, TLS-only, private, access-logged bucket, and managed rules that mirror DPP clauses
 *   (2.1 public access, 2.2 unused credentials, 2.4 password policy and MFA, 2.5 TLS-only buckets,
 *   3.4 encryption, 3.6 trails and flow logs);
 * - **Macie** for sensitive data (PII) discovery in S3;
 * - **Inspector** for EC2, ECR and Lambda (CloudFormation has no resource that enables it: a
 *   custom resource calls `inspector2:Enable`; deleting the stack leaves it enabled);
 * - **EBS encryption by default** in the region (likewise a custom resource, left enabled).
 * Each service can be turned off only by its explicit switch, for accounts where the
 * organization's administrator account already runs it (a second GuardDuty detector or Security
 * Hub in an account fails to deploy).
 */
export class DetectiveServices extends Construct {
  public readonly guardDutyDetector?: guardduty.CfnDetector;
  public readonly securityHub?: securityhub.CfnHub;
  public readonly configRecorder?: config.CfnConfigurationRecorder;
  public readonly configBucket?: s3.Bucket;
  public readonly configRules: readonly config.ManagedRule[] = [];
  public readonly macieSession?: macie.CfnSession;
  public readonly inspectorEnablement?: cr.AwsCustomResource;
  public readonly ebsEncryptionByDefault?: cr.AwsCustomResource;
  private awsCallsRuntime?: { readonly role: iam.Role; readonly logGroup: logs.LogGroup };
  private runtimeFunctionAcknowledged = false;

  constructor(scope: Construct, id: string, props: DetectiveServicesProps) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const minimumSeverity = requireIntegerInRange(NAME, 'minimumGuardDutySeverity', props.minimumGuardDutySeverity ?? 4, 1, 8);
    const logRetention = requireLogRetentionDays(NAME, 'logRetention', props.logRetention ?? logs.RetentionDays.ONE_YEAR);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const topic = new targets.SnsTopic(props.alertTopic);

    if (props.guardDuty ?? true) {
      this.guardDutyDetector = new guardduty.CfnDetector(this, 'GuardDuty', {
        enable: true,
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
        features: GUARD_DUTY_FEATURES.map((name) => ({ name, status: 'ENABLED' })),
      });
      new events.Rule(this, 'GuardDutyFindings', {
        description: 'DPP 2.7: GuardDuty findings to the security topic',
        eventPattern: {
          source: ['aws.guardduty'],
          detailType: ['GuardDuty Finding'],
          detail: { severity: events.Match.greaterThanOrEqual(minimumSeverity) },
        },
        targets: [topic],
      });
    }

    if (props.securityHub ?? true) {
      this.securityHub = new securityhub.CfnHub(this, 'SecurityHub', {
        enableDefaultStandards: false,
        controlFindingGenerator: 'SECURITY_CONTROL',
        autoEnableControls: true,
      });
      const { partition, region } = Stack.of(this);
      for (const [name, standardPath] of Object.entries(SECURITY_HUB_STANDARDS)) {
        const standard = new securityhub.CfnStandard(this, name, { standardsArn: `arn:${partition}:securityhub:${region}::${standardPath}` });
        standard.addResourceDependency(this.securityHub);
      }
      new events.Rule(this, 'SecurityHubFindings', {
        description: 'DPP 2.7: new high and critical Security Hub findings to the security topic',
        eventPattern: {
          source: ['aws.securityhub'],
          detailType: ['Security Hub Findings - Imported'],
          detail: {
            findings: {
              Severity: { Label: ['HIGH', 'CRITICAL'] },
              Workflow: { Status: ['NEW'] },
              RecordState: ['ACTIVE'],
            },
          },
        },
        targets: [topic],
      });
    }

    if (props.config ?? true) {
      const { recorder, bucket, rules } = this.addConfig(removalPolicy, props.accessLogsBucket);
      this.configRecorder = recorder;
      this.configBucket = bucket;
      this.configRules = rules;
    }

    if (props.macie ?? true) {
      this.macieSession = new macie.CfnSession(this, 'Macie', { status: 'ENABLED', findingPublishingFrequency: 'FIFTEEN_MINUTES' });
    }

    if (props.inspector ?? true) {
      this.inspectorEnablement = this.addInspector(logRetention, props.logEncryptionKey);
    }

    if (props.ebsEncryptionByDefault ?? true) {
      this.ebsEncryptionByDefault = this.addEbsEncryptionByDefault(logRetention, props.logEncryptionKey);
    }
  }

  /**
   * The role and log group of CDK's one AwsCustomResource function per stack, shared by every call
   * this construct makes through it (the first AwsCustomResource of a stack fixes them).
   */
  private runtime(logRetention: logs.RetentionDays, logEncryptionKey: kms.IKey | undefined): { role: iam.Role; logGroup: logs.LogGroup } {
    if (!this.awsCallsRuntime) {
      const logGroup = new logs.LogGroup(this, 'InspectorLogGroup', { retention: logRetention, encryptionKey: logEncryptionKey, removalPolicy: RemovalPolicy.RETAIN });
      this.awsCallsRuntime = { logGroup, role: functionRole(this, 'InspectorRole', logGroup, 'the function that enables Inspector and EBS encryption by default') };
    }
    return this.awsCallsRuntime;
  }

  private addEbsEncryptionByDefault(logRetention: logs.RetentionDays, logEncryptionKey: kms.IKey | undefined): cr.AwsCustomResource {
    const { account, region } = Stack.of(this);
    const call: cr.AwsSdkCall = {
      service: 'EC2',
      action: 'enableEbsEncryptionByDefault',
      physicalResourceId: cr.PhysicalResourceId.of(`ebs-encryption-by-default-${account}-${region}`),
    };
    const { role, logGroup } = this.runtime(logRetention, logEncryptionKey);
    const enablement = new cr.AwsCustomResource(this, 'EbsEncryptionByDefault', {
      resourceType: 'Custom::EbsEncryptionByDefault',
      onCreate: call,
      onUpdate: call,
      installLatestAwsSdk: false,
      logGroup,
      role,
      // ec2:EnableEbsEncryptionByDefault has no resource-level permissions.
      policy: cr.AwsCustomResourcePolicy.fromStatements([new iam.PolicyStatement({ actions: ['ec2:EnableEbsEncryptionByDefault'], resources: ['*'] })]),
    });
    const reason =
      'IAM accepts only Resource "*" for ec2:EnableEbsEncryptionByDefault, which has no resource-level permissions and changes one setting of this account and region: it can only turn encryption on. ' +
      'Only CloudFormation can invoke the function.';
    Validations.of(enablement).acknowledge({ id: 'DPP::DPP-2.3-ScopedWriteActions', reason });
    acknowledgeNag(enablement, wildcardResourceFinding(this, '*'), reason);
    acknowledgeInlinePolicy(enablement, 'the EBS encryption-by-default call (the policy CDK adds to the function\'s execution role)');
    this.acknowledgeRuntimeFunction(enablement);
    return enablement;
  }

  /** Acknowledges, once, the findings CDK's AwsCustomResource function has by design. */
  private acknowledgeRuntimeFunction(enablement: cr.AwsCustomResource): void {
    if (this.runtimeFunctionAcknowledged) return;
    this.runtimeFunctionAcknowledged = true;
    // The function is CDK's singleton for the stack's AwsCustomResources, created beside the stack's other constructs.
    const provider = enablement.node.findChild('Provider') as lambda.SingletonFunction;
    const fn = Stack.of(this).node.findChild(provider.permissionsNode.id);
    acknowledgeControlPlaneFunction(fn, { calls: 'Inspector and EC2 (EBS encryption by default), for the stack\'s AwsCustomResource calls', invokedBy: 'CloudFormation', customResource: true });
  }

  private addConfig(removalPolicy: RemovalPolicy, accessLogsBucket: s3.IBucket | undefined): { recorder: config.CfnConfigurationRecorder; bucket: s3.Bucket; rules: config.ManagedRule[] } {
    const { account } = Stack.of(this);
    const bucket = new s3.Bucket(this, 'ConfigBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{
        id: 'CheaperStorageThenExpire',
        transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) }],
        noncurrentVersionExpiration: Duration.days(90),
      }],
      removalPolicy,
    });
    Tags.of(bucket).add(TAG_DATA_ORIGIN, 'internal');
    Tags.of(bucket).add(TAG_CLASSIFICATION, 'internal');
    let logsBucket = accessLogsBucket;
    if (!logsBucket) {
      logsBucket = newAccessLogsBucket(this, 'ConfigAccessLogsBucket', removalPolicy);
      Tags.of(logsBucket).add(TAG_DATA_ORIGIN, 'internal');
      Tags.of(logsBucket).add(TAG_CLASSIFICATION, 'internal');
    }
    logServerAccess(bucket, logsBucket, 'config/');
    acknowledgeNag(bucket, 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      'Config snapshots and history describe resource configuration, not data (the bucket is classified internal; DPP 3.4 asks a customer-managed key of PII stores), and SSE-S3 encrypts them at rest with AES-256. ' +
      'The bucket is private, TLS-only and access-logged, and only the Config role may write to it.');
    acknowledgeNoReplication(bucket,
      'Config can redeliver the configuration snapshot at any time and keeps the configuration history in the service itself, so a replica would protect nothing that cannot be regenerated.');

    const configRolePolicy = 'service-role/AWS_ConfigRole';
    const role = new iam.Role(this, 'ConfigRole', {
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
      description: 'DPP 3.3: AWS Config recorder',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(configRolePolicy)],
    });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetBucketAcl'], resources: [bucket.bucketArn] }));
    const deliveryPrefix = bucket.arnForObjects(`AWSLogs/${account}/Config/*`);
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['s3:PutObject'],
      resources: [deliveryPrefix],
      conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    }));
    acknowledgeNag(role, awsManagedPolicyFinding(configRolePolicy),
      'AWS_ConfigRole is the policy AWS documents for the Config recorder: read-only Describe/List/Get calls on every resource type Config records, which AWS extends as Config supports new types. ' +
      'A hand-written copy would silently stop recording new types (DPP 3.3 Asset Management); only config.amazonaws.com can assume the role.');
    acknowledgeNag(role, wildcardResourceFinding(this, deliveryPrefix),
      'Config names the snapshot and history objects it delivers itself, under AWSLogs/<account>/Config/ of this bucket, so the role may put objects only under that prefix, with the bucket-owner-full-control ACL.');
    acknowledgeInlinePolicy(role, 'the Config recorder role');

    const recorder = new config.CfnConfigurationRecorder(this, 'ConfigRecorder', {
      roleArn: role.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    const channel = new config.CfnDeliveryChannel(this, 'ConfigDeliveryChannel', {
      s3BucketName: bucket.bucketName,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    });
    channel.node.addDependency(role);

    const rule = (id: string, identifier: string, description: string, inputParameters?: Record<string, unknown>): config.ManagedRule => {
      const managed = new config.ManagedRule(this, id, {
        identifier,
        description,
        inputParameters,
        maximumExecutionFrequency: config.MaximumExecutionFrequency.TWENTY_FOUR_HOURS,
      });
      managed.node.addDependency(recorder);
      return managed;
    };
    const rules = [
      rule('PasswordPolicyRule', config.ManagedRuleIdentifiers.IAM_PASSWORD_POLICY, 'DPP 2.4: account password policy meets the DPP floor', {
        RequireUppercaseCharacters: 'true', RequireLowercaseCharacters: 'true', RequireSymbols: 'true', RequireNumbers: 'true',
        MinimumPasswordLength: '12', MaxPasswordAge: '365',
      }),
      rule('ConsoleMfaRule', config.ManagedRuleIdentifiers.MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS, 'DPP 2.4: IAM users with a console password have MFA'),
      rule('RootMfaRule', config.ManagedRuleIdentifiers.ROOT_ACCOUNT_MFA_ENABLED, 'DPP 2.4: the root user has MFA'),
      rule('UnusedCredentialsRule', config.ManagedRuleIdentifiers.IAM_USER_UNUSED_CREDENTIALS_CHECK, 'DPP 2.2: no credentials unused for 90 days', { maxCredentialUsageAge: '90' }),
      rule('NoAdminPoliciesRule', config.ManagedRuleIdentifiers.IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS, 'DPP 2.3: no customer policy allows *:*'),
      rule('BucketPublicAccessRule', config.ManagedRuleIdentifiers.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED, 'DPP 2.1: buckets block public access'),
      rule('BucketTlsRule', config.ManagedRuleIdentifiers.S3_BUCKET_SSL_REQUESTS_ONLY, 'DPP 2.5: buckets refuse requests without TLS'),
      rule('RdsEncryptedRule', config.ManagedRuleIdentifiers.RDS_STORAGE_ENCRYPTED, 'DPP 3.4: RDS storage is encrypted'),
      rule('EbsDefaultEncryptionRule', config.ManagedRuleIdentifiers.EC2_EBS_ENCRYPTION_BY_DEFAULT, 'DPP 3.4: EBS encryption by default is on'),
      rule('MultiRegionTrailRule', config.ManagedRuleIdentifiers.CLOUDTRAIL_MULTI_REGION_ENABLED, 'DPP 3.6: a multi-region trail is logging'),
      rule('TrailValidationRule', config.ManagedRuleIdentifiers.CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED, 'DPP 3.6: trails validate their log files'),
      rule('FlowLogsRule', config.ManagedRuleIdentifiers.VPC_FLOW_LOGS_ENABLED, 'DPP 3.6: VPCs have flow logs'),
    ];
    return { recorder, bucket, rules };
  }

  private addInspector(logRetention: logs.RetentionDays, logEncryptionKey: kms.IKey | undefined): cr.AwsCustomResource {
    const { account, partition } = Stack.of(this);
    const call: cr.AwsSdkCall = {
      service: 'Inspector2',
      action: 'enable',
      parameters: { accountIds: [account], resourceTypes: [...INSPECTOR_RESOURCE_TYPES] },
      physicalResourceId: cr.PhysicalResourceId.of(`inspector2-${account}`),
    };
    const { role, logGroup } = this.runtime(logRetention, logEncryptionKey);
    const enablement = new cr.AwsCustomResource(this, 'Inspector', {
      resourceType: 'Custom::InspectorEnablement',
      onCreate: call,
      onUpdate: call,
      installLatestAwsSdk: false,
      logGroup,
      role,
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        // inspector2:Enable has no resource-level permissions.
        new iam.PolicyStatement({ actions: ['inspector2:Enable'], resources: ['*'] }),
        new iam.PolicyStatement({
          actions: ['iam:CreateServiceLinkedRole'],
          resources: [`arn:${partition}:iam::${account}:role/aws-service-role/inspector2.amazonaws.com/AWSServiceRoleForAmazonInspector2`],
          conditions: { StringEquals: { 'iam:AWSServiceName': 'inspector2.amazonaws.com' } },
        }),
      ]),
    });
    const enableReason =
      'IAM accepts only Resource "*" for inspector2:Enable, which has no resource-level permissions; the call names this account only (accountIds). ' +
      'Only CloudFormation can invoke the function, and it can create no role but Inspector\'s own service-linked role.';
    Validations.of(enablement).acknowledge({ id: 'DPP::DPP-2.3-ScopedWriteActions', reason: enableReason });
    acknowledgeNag(enablement, wildcardResourceFinding(this, '*'), enableReason);
    acknowledgeInlinePolicy(enablement, 'the Inspector enablement call (the policy CDK adds to the function\'s execution role)');
    this.acknowledgeRuntimeFunction(enablement);
    return enablement;
  }
}
