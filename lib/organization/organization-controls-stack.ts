import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnStackSet } from 'aws-cdk-lib/aws-cloudformation';
import type { Construct } from 'constructs';
import type { OrganizationConfig } from '../config';
import type { PolicyProfile } from '../policy/profile';
import { accountControlsTemplate, STACK_SET_LIMITS } from './account-controls-stack';
import { acknowledgeNonEnvironmentStack } from './non-environment-stack';

/** Props of {@link OrganizationControlsStack}. */
export interface OrganizationControlsStackProps extends StackProps {
  /** The management or delegated-administrator account, the organizational units and regions. */
  readonly organization: OrganizationConfig;
  /** The address subscribed to each account's security topic. */
  readonly alertEmail: string;
  /** The policy profile the StackSet's template is checked against at synth. */
  readonly policy: PolicyProfile;
  /**
   * The StackSet's name.
   * @default 'dpp-account-controls'
   */
  readonly stackSetName?: string;
}

/**
 * The account-level controls of the organization as a service-managed StackSet, in the management
 * or delegated-administrator account: deployed to every account of the organizational units, in
 * each configured region, and automatically to accounts that join them (removed from those that
 * leave). Needs trusted access for StackSets and, from a delegated administrator, its registration
 * (README "Organization").
 */
export class OrganizationControlsStack extends Stack {
  public readonly stackSet: CfnStackSet;

  constructor(scope: Construct, id: string, props: OrganizationControlsStackProps) {
    const { organization } = props;
    super(scope, id, {
      ...props,
      env: { account: organization.account, region: organization.region },
      terminationProtection: props.terminationProtection ?? true,
      description: props.description ?? 'DPP account-level controls across the organization (StackSets)',
    });
    const stackSetName = props.stackSetName ?? 'dpp-account-controls';
    if (!STACK_SET_LIMITS.stackSetName.test(stackSetName)) {
      throw new Error(`OrganizationControlsStack ${id}: stackSetName ${JSON.stringify(stackSetName)} must be letters, digits and hyphens, starting with a letter, at most ${STACK_SET_LIMITS.maxStackSetNameLength} characters`);
    }
    acknowledgeNonEnvironmentStack(this, 'The StackSets stack runs in the management or delegated-administrator account', 'the organization (Control Tower or the account\'s own baseline)');
    this.stackSet = new CfnStackSet(this, 'AccountControls', {
      stackSetName,
      description: 'DPP baseline: detective services and the security topic in every account (DPP 2.7, 3.3)',
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      callAs: organization.callAs,
      // Managed execution queues conflicting operations instead of failing them.
      managedExecution: { Active: true },
      operationPreferences: { failureTolerancePercentage: 0, maxConcurrentPercentage: 25, regionConcurrencyType: 'PARALLEL' },
      stackInstancesGroup: [{ deploymentTargets: { organizationalUnitIds: [...organization.organizationalUnitIds] }, regions: [...organization.regions] }],
      templateBody: accountControlsTemplate(organization, props.alertEmail, props.policy),
    });
  }
}
