import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnStackSet } from 'aws-cdk-lib/aws-cloudformation';
import type { Construct } from 'constructs';
import { GLOBAL_SIGN_IN_EVENT_REGIONS } from '../../constructs/identity/console-sign-in-forwarder';
import type { OrganizationConfig } from '../config';
import type { PolicyProfile } from '../policy/profile';
import { AccountControlsStack } from './account-controls-stack';
import { OrganizationDetectiveServicesStack } from './detective-services-stack';
import { acknowledgeNonEnvironmentStack } from './non-environment-stack';
import { SignInForwardingStack } from './sign-in-forwarding-stack';
import { STACK_SET_LIMITS, stackSetTemplate } from './stack-set-template';

/** Props of {@link OrganizationControlsStack}. */
export interface OrganizationControlsStackProps extends StackProps {
  /** The management or delegated-administrator account, the organizational units and regions. */
  readonly organization: OrganizationConfig;
  /** The address subscribed to each account's security topics. */
  readonly alertEmail: string;
  /** The policy profile the StackSets' templates meet and are checked against at synth. */
  readonly policy: PolicyProfile;
  /**
   * The first part of the StackSets' names: `<prefix>-account-controls`, `<prefix>-sign-in-forwarding`
   * and `<prefix>-detective-services`.
   * @default 'dpp'
   */
  readonly stackSetNamePrefix?: string;
}

/** Where each StackSet deploys, from the configuration. */
export interface OrganizationRegions {
  /** The account-wide controls (password policy, lockout): once per account. */
  readonly home: string;
  /** The detective services: each of the organization's regions. */
  readonly detective: readonly string[];
  /** The sign-in forwarding: every other region where failed sign-ins may be recorded. */
  readonly forwarding: readonly string[];
}

/** The regions of each StackSet: see {@link OrganizationRegions} and README "Organization". */
export function organizationRegions(organization: OrganizationConfig): OrganizationRegions {
  const home = organization.homeRegion ?? organization.regions[0];
  const signIn = organization.signInRegions ?? [...organization.regions, ...GLOBAL_SIGN_IN_EVENT_REGIONS];
  return { home, detective: organization.regions, forwarding: [...new Set(signIn)].filter((r) => r !== home) };
}

/** The StackSets' name suffixes, the longest deciding how long the prefix may be. */
const SUFFIXES = { accountControls: 'account-controls', signInForwarding: 'sign-in-forwarding', detectiveServices: 'detective-services' } as const;

/**
 * The account-level controls of the organization as service-managed StackSets, in the management
 * or delegated-administrator account, deployed to every account of the organizational units and
 * automatically to accounts that join them (removed from those that leave):
 * - `<prefix>-account-controls`, in the home region: the IAM password policy and the lockout;
 * - `<prefix>-sign-in-forwarding`, in the other regions where sign-ins are recorded: failed sign-ins
 *   forwarded to the lockout;
 * - `<prefix>-detective-services`, in each region: the services the organization does not run.
 * A StackSet with nothing to deploy is left out. Needs trusted access for StackSets and, from a
 * delegated administrator, its registration (README "Organization").
 */
export class OrganizationControlsStack extends Stack {
  /** The StackSets, by their name suffix. */
  public readonly stackSets: Partial<Record<keyof typeof SUFFIXES, CfnStackSet>> = {};

  constructor(scope: Construct, id: string, props: OrganizationControlsStackProps) {
    const { organization, policy, alertEmail } = props;
    super(scope, id, {
      ...props,
      env: { account: organization.account, region: organization.region },
      terminationProtection: props.terminationProtection ?? true,
      description: props.description ?? 'DPP account-level controls across the organization (StackSets)',
    });
    const prefix = props.stackSetNamePrefix ?? 'dpp';
    const longest = Math.max(...Object.values(SUFFIXES).map((s) => s.length)) + 1;
    if (!STACK_SET_LIMITS.stackSetName.test(prefix) || prefix.length + longest > STACK_SET_LIMITS.maxStackSetNameLength) {
      throw new Error(`OrganizationControlsStack ${id}: stackSetNamePrefix ${JSON.stringify(prefix)} must be letters, digits and hyphens, starting with a letter, at most ${STACK_SET_LIMITS.maxStackSetNameLength - longest} characters`);
    }
    acknowledgeNonEnvironmentStack(this, 'The StackSets stack runs in the management or delegated-administrator account', 'the organization (Control Tower or the account\'s own baseline)');
    const regions = organizationRegions(organization);

    const add = (key: keyof typeof SUFFIXES, description: string, deployTo: readonly string[], templateBody: string): void => {
      this.stackSets[key] = new CfnStackSet(this, key[0].toUpperCase() + key.slice(1), {
        stackSetName: `${prefix}-${SUFFIXES[key]}`,
        description,
        permissionModel: 'SERVICE_MANAGED',
        autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
        callAs: organization.callAs,
        // Managed execution queues conflicting operations instead of failing them.
        managedExecution: { Active: true },
        operationPreferences: { failureTolerancePercentage: 0, maxConcurrentPercentage: 25, regionConcurrencyType: 'PARALLEL' },
        stackInstancesGroup: [{ deploymentTargets: { organizationalUnitIds: [...organization.organizationalUnitIds] }, regions: [...deployTo] }],
        templateBody,
      });
    };

    if (organization.passwordPolicy || organization.accountLockout) {
      add('accountControls', 'DPP baseline: the IAM password policy and the account lockout, once per account (DPP 2.2, 2.4)', [regions.home],
        stackSetTemplate(policy, (app, synthesizer) => new AccountControlsStack(app, 'AccountControls', { organization, alertEmail, policy, synthesizer })));
    }
    if (organization.accountLockout && regions.forwarding.length > 0) {
      add('signInForwarding', `DPP baseline: failed console sign-ins forwarded to the lockout in ${regions.home} (DPP 2.2)`, regions.forwarding,
        stackSetTemplate(policy, (app, synthesizer) => new SignInForwardingStack(app, 'SignInForwarding', { homeRegion: regions.home, synthesizer })));
    }
    if (Object.values(organization.services).some((mode) => mode === true)) {
      add('detectiveServices', 'DPP baseline: detective services and the security topic in every account and region (DPP 2.7, 3.3)', regions.detective,
        stackSetTemplate(policy, (app, synthesizer) => new OrganizationDetectiveServicesStack(app, 'DetectiveServices', { organization, alertEmail, synthesizer })));
    }
  }
}
