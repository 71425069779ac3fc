import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, DefaultStackSynthesizer, Stack, Tags, Validations, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { DetectiveServices } from '../../constructs/detection/detective-services';
import { DppChecks } from '../checks/nag-pack';
import type { PolicyProfile } from '../policy/profile';
import { acknowledgeNonEnvironmentStack } from './non-environment-stack';
import type { OrganizationConfig } from '../config';

/**
 * What a StackSet's template may be, kept as data with its source (unit-tested):
 * CreateStackSet `TemplateBody` is 1 to 51,200 bytes, `StackSetName` alphanumerics and hyphens,
 * starting with a letter, at most 128 characters
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html).
 */
export const STACK_SET_LIMITS = { maxTemplateBodyBytes: 51_200, maxStackSetNameLength: 128, stackSetName: /^[A-Za-z][A-Za-z0-9-]{0,127}$/ } as const;

/** Props of {@link AccountControlsStack}. */
export interface AccountControlsStackProps extends StackProps {
  /** The organization's configuration: which detective services it already runs. */
  readonly organization: OrganizationConfig;
  /** The address subscribed to each account's security topic (DPP 2.7 Incident Response). */
  readonly alertEmail: string;
}

/**
 * The account-level controls a StackSet deploys to every account of the organizational units: the
 * detective services the organization does not already run (DPP 2.7 Incident Response, DPP 3.3
 * Asset Management), their findings routed to a KMS-encrypted security topic subscribed by the
 * organization's security address. Only native resources: a StackSet instance cannot read the
 * administrator account's CDK asset bucket, so Lambda-backed controls (the password policy, the
 * lockout, the Inspector enablement) stay with each environment's baseline (README "Organization").
 */
export class AccountControlsStack extends Stack {
  constructor(scope: Construct, id: string, props: AccountControlsStackProps) {
    super(scope, id, props);
    const { organization } = props;
    acknowledgeNonEnvironmentStack(this, 'The StackSet deploys account-level controls to accounts of the organization', 'each environment\'s baseline in that account (Control Tower or the organization trail for the others)');
    const key = new kms.Key(this, 'TopicKey', { enableKeyRotation: true, description: 'DPP account controls: the security topic' });
    const topic = new sns.Topic(this, 'SecurityAlerts', { masterKey: key, enforceSSL: true });
    Tags.of(topic).add('dpp:purpose', 'security-alerts');
    topic.addSubscription(new subscriptions.EmailSubscription(props.alertEmail));
    // EventBridge publishes the findings to the encrypted topic.
    key.grantEncryptDecrypt(new iam.ServicePrincipal('events.amazonaws.com'));
    new DetectiveServices(this, 'DetectiveServices', {
      alertTopic: topic,
      guardDuty: organization.services.guardDuty,
      securityHub: organization.services.securityHub,
      macie: organization.services.macie,
      // Config's recorder needs a delivery bucket per account and Inspector a Lambda-backed
      // enablement: both stay with the environments' baselines. Macie's automated discovery is a
      // Lambda-backed call too, and in an organization the Macie administrator account turns it on
      // for its members: not in the StackSet.
      config: false,
      inspector: false,
      ebsEncryptionByDefault: false,
      macieAutomatedDiscovery: false,
    });
  }
}

/**
 * The template of an {@link AccountControlsStack}, synthesized in an app of its own (so its stack is
 * not one of the main app's) into a temporary directory that is removed after.
 * @throws Error when the DPP pack fails the template, when it uses assets (a StackSet instance could not reach them) or
 * exceeds the StackSet body limit.
 */
export function accountControlsTemplate(organization: OrganizationConfig, alertEmail: string, policy: PolicyProfile): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-account-controls-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    // No bootstrap version rule: the organization's accounts need not be CDK-bootstrapped.
    const synthesizer = new DefaultStackSynthesizer({ generateBootstrapVersionRule: false });
    const stack = new AccountControlsStack(app, 'AccountControls', { organization, alertEmail, synthesizer });
    // The DPP pack checks the template at synth and writes its acknowledgments into it, for dpp check.
    Validations.of(app).addPlugins(new DppChecks(app, { writeSuppressionsToCloudFormation: true, profile: policy }));
    const assembly = app.synth();
    const artifact = assembly.getStackArtifact(stack.artifactId);
    if (artifact.assets.length > 0) throw new Error('AccountControlsStack: the StackSet template uses assets, which a StackSet instance cannot read');
    const body = JSON.stringify(artifact.template);
    const bytes = Buffer.byteLength(body);
    if (bytes > STACK_SET_LIMITS.maxTemplateBodyBytes) throw new Error(`AccountControlsStack: the template is ${bytes} bytes, above the StackSet TemplateBody limit of ${STACK_SET_LIMITS.maxTemplateBodyBytes}`);
    return body;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
