import { CustomResource, Duration, RemovalPolicy, Stack, Tags, Validations } from 'aws-cdk-lib';
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
import { policyOf } from '../../lib/policy/context';
import { BASELINE_DEFAULTS, provisionedDefaults } from '../../lib/policy/defaults';
import { defaultLogRetention, requireLogRetentionDays } from '../audit/log-retention';
import { logServerAccess, newAccessLogsBucket } from '../audit/server-access-logs';
import { functionRole } from '../common/function-role';
import {
  acknowledgeControlPlaneFunction, acknowledgeInlinePolicy, acknowledgeNag, acknowledgeNoReplication, awsManagedPolicyFinding, wildcardResourceFinding,
} from '../common/nag-acknowledgments';
import { policyFor, requireIntegerInRange } from '../common/validate';
import type { FeatureSwitch } from '../../lib/config/schema';
import { HandlerFunction, handlerProvider } from '../identity/handler-function';
import { managedConfigRules } from './config-rules';
import { retainExceptOnCreate } from '../common/removal';
import { recordCreationTrace } from '../common/creation-trace';

/**
 * The detective services, each of which an environment may leave to its organization's
 * administrator account: `true` creates the service here; `"existing"` creates nothing that would
 * conflict with the organization's (no detector, hub, recorder, session or enablement) but keeps
 * what the DPP adds on top of it (Config rules, routes of findings to the topic); `false` leaves
 * the service and those additions out.
 */
export interface DetectiveServiceSwitches {
  /**
   * Amazon GuardDuty threat detection (DPP 2.7 Incident Response).
   * @default true
   */
  readonly guardDuty?: FeatureSwitch;
  /**
   * AWS Security Hub with the AWS Foundational Security Best Practices and CIS standards (DPP 2.7).
   * @default true
   */
  readonly securityHub?: FeatureSwitch;
  /**
   * AWS Config recorder, delivery channel and rules (DPP 3.3 Asset Management); with `"existing"`
   * the rules only, on the organization's recorder.
   * @default true
   */
  readonly config?: FeatureSwitch;
  /**
   * Amazon Macie sensitive-data discovery in S3 (DPP 3.3 data loss prevention).
   * @default true
   */
  readonly macie?: FeatureSwitch;
  /**
   * Macie automated sensitive-data discovery across every bucket of the account, so PII found in a
   * bucket not classified `pii` becomes a Macie finding (DPP 3.3 data loss prevention: Information
   * beyond its protected boundaries). Only with `macie: true`: under `"existing"` the
   * organization's Macie administrator runs discovery for its members. CloudFormation has no
   * resource for it: a custom resource calls `macie2:UpdateAutomatedDiscoveryConfiguration`
   * (status `ENABLED`) after the Macie session exists; deleting the stack deletes the session,
   * which disables Macie and its discovery, and removing only this control leaves discovery
   * enabled (turning a detective control off is not a side effect of a deploy), as Inspector's
   * enablement does.
   * @default true
   */
  readonly macieAutomatedDiscovery?: boolean;
  /**
   * Amazon Inspector vulnerability scanning of EC2, ECR and Lambda (DPP 3.7 Vulnerability Management).
   * @default true
   */
  readonly inspector?: FeatureSwitch;
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
   * Retention of the logs of the functions that enable Inspector and EBS encryption by default: at least 90 days (DPP 3.6).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The customer-managed key the log groups of the functions that enable Inspector and EBS encryption by default are encrypted
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

/**
 * The call that turns Macie automated sensitive-data discovery on for this account
 * (Macie API Reference, UpdateAutomatedDiscoveryConfiguration: `status` ENABLED | DISABLED, required;
 * https://docs.aws.amazon.com/macie/latest/APIReference/automated-discovery-configuration.html).
 * `autoEnableOrganizationMembers` is left out: it applies to an organization's Macie administrator,
 * and this stack enables discovery only for a standalone account (`macie: true`).
 */
export const MACIE_AUTOMATED_DISCOVERY_CALL = {
  service: 'Macie2',
  action: 'updateAutomatedDiscoveryConfiguration',
  parameters: { status: 'ENABLED' },
} as const;

/** Inspector scan types enabled. */
export const INSPECTOR_RESOURCE_TYPES: readonly string[] = ['EC2', 'ECR', 'LAMBDA'];

/**
 * The service-linked roles Inspector creates when it is enabled: its own, and the agentless EC2
 * scanning one. The enabling principal needs iam:CreateServiceLinkedRole for each.
 * Sources: https://docs.aws.amazon.com/inspector/latest/user/using-service-linked-roles.html,
 * https://docs.aws.amazon.com/inspector/latest/user/slr-permissions-agentless.html
 */
export const INSPECTOR_SERVICE_LINKED_ROLES: readonly { readonly service: string; readonly roleName: string }[] = [
  { service: 'inspector2.amazonaws.com', roleName: 'AWSServiceRoleForAmazonInspector2' },
  { service: 'agentless.inspector2.amazonaws.com', roleName: 'AWSServiceRoleForAmazonInspector2Agentless' },
];

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
 *   custom resource calls `inspector2:Enable` and fails the deploy, with Inspector's reason, when
 *   the answer lists the account under `failedAccounts`; deleting the stack leaves it enabled);
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
  public readonly macieAutomatedDiscovery?: cr.AwsCustomResource;
  public readonly inspectorEnablement?: CustomResource;
  public readonly ebsEncryptionByDefault?: cr.AwsCustomResource;
  private awsCallsRuntime?: { readonly role: iam.Role; readonly logGroup: logs.LogGroup };
  private runtimeFunctionAcknowledged = false;

  constructor(scope: Construct, id: string, props: DetectiveServicesProps) {
    super(scope, id);
    recordCreationTrace(this, new.target);
    const minimumSeverity = requireIntegerInRange(NAME, 'minimumGuardDutySeverity', props.minimumGuardDutySeverity ?? 4, 1, 8);
    const policy = policyFor(this, undefined);
    const logRetention = requireLogRetentionDays(NAME, 'logRetention', props.logRetention ?? defaultLogRetention(policy), policy);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const topic = new targets.SnsTopic(props.alertTopic);

    const guardDuty = props.guardDuty ?? true;
    if (guardDuty === true) {
      this.guardDutyDetector = new guardduty.CfnDetector(this, 'GuardDuty', {
        enable: true,
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
        features: GUARD_DUTY_FEATURES.map((name) => ({ name, status: 'ENABLED' })),
      });
    }
    if (guardDuty !== false) {
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

    const securityHub = props.securityHub ?? true;
    if (securityHub === true) {
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
    }
    if (securityHub !== false) {
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

    const configMode = props.config ?? true;
    if (configMode === true) {
      const { recorder, bucket } = this.addConfigRecorder(removalPolicy, props.accessLogsBucket);
      this.configRecorder = recorder;
      this.configBucket = bucket;
    }
    if (configMode !== false) this.configRules = this.addConfigRules(this.configRecorder);

    if ((props.macie ?? true) === true) {
      this.macieSession = new macie.CfnSession(this, 'Macie', { status: 'ENABLED', findingPublishingFrequency: 'FIFTEEN_MINUTES' });
      if (props.macieAutomatedDiscovery ?? true) {
        this.macieAutomatedDiscovery = this.addMacieAutomatedDiscovery(this.macieSession, logRetention, props.logEncryptionKey);
      }
    }

    if ((props.inspector ?? true) === true) {
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
      const logGroup = new logs.LogGroup(this, 'AwsCallsLogGroup', { retention: logRetention, encryptionKey: logEncryptionKey, removalPolicy: retainExceptOnCreate() });
      this.awsCallsRuntime = { logGroup, role: functionRole(this, 'AwsCallsRole', logGroup, 'the function that enables EBS encryption by default and Macie automated discovery') };
    }
    return this.awsCallsRuntime;
  }

  private addEbsEncryptionByDefault(logRetention: logs.RetentionDays, logEncryptionKey: kms.IKey | undefined): cr.AwsCustomResource {
    const { account, region } = Stack.of(this);
    return this.addAccountSettingCall('EbsEncryptionByDefault', {
      call: { service: 'EC2', action: 'enableEbsEncryptionByDefault', physicalResourceId: cr.PhysicalResourceId.of(`ebs-encryption-by-default-${account}-${region}`) },
      // ec2:EnableEbsEncryptionByDefault has no resource-level permissions.
      iamAction: 'ec2:EnableEbsEncryptionByDefault',
      reason: 'IAM accepts only Resource "*" for ec2:EnableEbsEncryptionByDefault, which has no resource-level permissions and changes one setting of this account and region: it can only turn encryption on. ' +
        'Only CloudFormation can invoke the function.',
      policyOf: 'the EBS encryption-by-default call',
    }, logRetention, logEncryptionKey);
  }

  private addMacieAutomatedDiscovery(session: macie.CfnSession, logRetention: logs.RetentionDays, logEncryptionKey: kms.IKey | undefined): cr.AwsCustomResource {
    const { account, region } = Stack.of(this);
    const enablement = this.addAccountSettingCall('MacieAutomatedDiscovery', {
      call: { ...MACIE_AUTOMATED_DISCOVERY_CALL, physicalResourceId: cr.PhysicalResourceId.of(`macie-automated-discovery-${account}-${region}`) },
      // The action has no resource types: an account-level setting (Service Authorization Reference, "Actions, resources, and condition keys for Amazon Macie").
      iamAction: 'macie2:UpdateAutomatedDiscoveryConfiguration',
      reason: 'IAM accepts only Resource "*" for macie2:UpdateAutomatedDiscoveryConfiguration, which has no resource types and changes one setting of this account and region: the call only turns discovery on. ' +
        'Only CloudFormation can invoke the function.',
      policyOf: 'the Macie automated-discovery call',
    }, logRetention, logEncryptionKey);
    // Macie answers "Macie is not enabled" (AccessDenied) until the account has a session.
    enablement.node.addDependency(session);
    return enablement;
  }

  /**
   * One account-level setting turned on by an AwsCustomResource call on create and update, allowed
   * by its one IAM action on `*` (the action has no resource-level permissions), with the reason.
   */
  private addAccountSettingCall(
    id: string,
    setting: { call: cr.AwsSdkCall; iamAction: string; reason: string; policyOf: string },
    logRetention: logs.RetentionDays,
    logEncryptionKey: kms.IKey | undefined,
  ): cr.AwsCustomResource {
    const { role, logGroup } = this.runtime(logRetention, logEncryptionKey);
    const enablement = new cr.AwsCustomResource(this, id, {
      resourceType: `Custom::${id}`,
      onCreate: setting.call,
      onUpdate: setting.call,
      installLatestAwsSdk: false,
      logGroup,
      role,
      policy: cr.AwsCustomResourcePolicy.fromStatements([new iam.PolicyStatement({ actions: [setting.iamAction], resources: ['*'] })]),
    });
    Validations.of(enablement).acknowledge({ id: 'DPP::DPP-2.3-ScopedWriteActions', reason: setting.reason });
    acknowledgeNag(enablement, wildcardResourceFinding(this, '*'), setting.reason);
    acknowledgeInlinePolicy(enablement, `${setting.policyOf} (the policy CDK adds to the function's execution role)`);
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
    acknowledgeControlPlaneFunction(fn, { calls: 'EC2 (EBS encryption by default) and Macie (automated discovery), for the stack\'s AwsCustomResource calls', invokedBy: 'CloudFormation', customResource: true });
  }

  private addConfigRecorder(removalPolicy: RemovalPolicy, accessLogsBucket: s3.IBucket | undefined): { recorder: config.CfnConfigurationRecorder; bucket: s3.Bucket } {
    const { account } = Stack.of(this);
    // Kept for ever under `dpp`; a profile with a non-PII retention (dpp-2025, DPP 2.8) expires the history.
    const expireAfterDays = provisionedDefaults(policyOf(this)).nonPiiExpirationDays;
    const bucket = new s3.Bucket(this, 'ConfigBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{
        id: 'CheaperStorageThenExpire',
        transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(BASELINE_DEFAULTS.auditTransitionDays) }],
        noncurrentVersionExpiration: Duration.days(policyOf(this).values.liveCopiesDeletionDays),
        ...(expireAfterDays === undefined ? {} : { expiration: Duration.days(expireAfterDays) }),
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
    // AWS Config needs the recorder before the delivery channel: "Before you can create a delivery
    // channel, you must create a configuration recorder."
    // Source: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-config-deliverychannel.html
    channel.addResourceDependency(recorder);
    return { recorder, bucket };
  }

  /**
   * The managed rules that mirror DPP clauses, on this construct's recorder or on the organization's
   * (`config: "existing"`). A frequency only on periodic rules: AWS Config rejects one on a rule
   * triggered by configuration changes (see {@link MANAGED_CONFIG_RULES}).
   */
  private addConfigRules(recorder: config.CfnConfigurationRecorder | undefined): config.ManagedRule[] {
    return managedConfigRules(policyOf(this).values).map(({ id, identifier, description, inputParameters, trigger }) => {
      const managed = new config.ManagedRule(this, id, {
        identifier,
        description,
        inputParameters,
        maximumExecutionFrequency: trigger === 'periodic' ? config.MaximumExecutionFrequency.TWENTY_FOUR_HOURS : undefined,
      });
      if (recorder) managed.node.addDependency(recorder);
      return managed;
    });
  }

  private addInspector(logRetention: logs.RetentionDays, logEncryptionKey: kms.IKey | undefined): CustomResource {
    const { account, partition } = Stack.of(this);
    const scope = new Construct(this, 'Inspector');
    const handler = new HandlerFunction(scope, 'Handler', {
      handler: 'inspector-enablement',
      description: 'DPP 3.7: enables Amazon Inspector for this account; fails when Inspector reports the account failed',
      logRetention,
      logEncryptionKey,
    });
    // inspector2:Enable has no resource-level permissions.
    handler.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['inspector2:Enable'], resources: ['*'] }));
    // Enabling creates Inspector's service-linked roles: only those, by name and service.
    handler.function.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:CreateServiceLinkedRole'],
      resources: INSPECTOR_SERVICE_LINKED_ROLES.map(({ service, roleName }) => `arn:${partition}:iam::${account}:role/aws-service-role/${service}/${roleName}`),
      conditions: { StringEquals: { 'iam:AWSServiceName': INSPECTOR_SERVICE_LINKED_ROLES.map(({ service }) => service) } },
    }));
    const enableReason =
      'IAM accepts only Resource "*" for inspector2:Enable, which has no resource-level permissions; the call names this account only (accountIds). ' +
      'Only CloudFormation can invoke the function (through the provider), and it can create no role but Inspector\'s own service-linked roles.';
    Validations.of(handler).acknowledge({ id: 'DPP::DPP-2.3-ScopedWriteActions', reason: enableReason });
    acknowledgeNag(handler, wildcardResourceFinding(this, '*'), enableReason);
    acknowledgeControlPlaneFunction(handler, { calls: 'Inspector, to enable its scans of this account', invokedBy: 'the custom-resource provider', customResource: true });
    const provider = handlerProvider(scope, handler, logRetention, logEncryptionKey, 'Inspector enablement');
    return new CustomResource(scope, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::InspectorEnablement',
      properties: { AccountId: account, ResourceTypes: [...INSPECTOR_RESOURCE_TYPES] },
    });
  }
}
