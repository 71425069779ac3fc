import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { environmentKind, type EnvironmentConfig, type EnvironmentKind, type EnvironmentName } from '../config';
import { TAG_CLASSIFICATION, TAG_DATA_ORIGIN, TAG_ENVIRONMENT, TAG_ENVIRONMENT_KIND } from '../checks/vocabulary';
import { policyOf, POLICY_CONTEXT_KEY } from '../policy/context';
import type { PolicyProfile } from '../policy/profile';
import { incidentContactProblem } from '../policy/validators';
import { addDataProtection } from './data-protection';
import { addIdentityAndAudit } from './identity-audit';
import { addNetworkAndData } from './network-data';

/** Props of {@link BaselineStack}. */
export interface BaselineStackProps extends StackProps {
  /** Which environment this stack is: a name such as `test`, `prod`, `staging` or `prod-eu`. */
  readonly environmentName: EnvironmentName;
  /**
   * The environment's validated configuration. Its `kind` (test or prod) decides the prod-only
   * behaviour; it may be left out only for environments named `test` or `prod`.
   */
  readonly config: EnvironmentConfig;
  /**
   * The policy profile the stack's constructs follow (set as the stack's `dpp:policy` context).
   * @default - the profile in the scope's construct context, else `dpp`
   */
  readonly policy?: PolicyProfile;
}

function kindOrThrow(id: string, props: BaselineStackProps): EnvironmentKind {
  try {
    return environmentKind(props.environmentName, props.config);
  } catch (e) {
    throw new Error(`BaselineStack ${id}: ${(e as Error).message}`);
  }
}

/** Default tags every resource carries unless a construct sets its own (lower priority than construct tags). */
const DEFAULT_TAG_PRIORITY = 50;

/**
 * The DPP baseline of one environment: the network, data, identity, audit and detection
 * constructs, wired from the environment's configuration. Every resource is tagged with
 * `dpp:environment` (DPP 3.5 Secure Coding Practices: separate test and prod) and default
 * `dpp:data-origin` / `dpp:classification` tags (DPP 2.9 Data Attribution) that constructs
 * holding PII override.
 */
export class BaselineStack extends Stack {
  public readonly environmentName: EnvironmentName;
  public readonly environmentKind: EnvironmentKind;
  public readonly config: EnvironmentConfig;
  public readonly policy: PolicyProfile;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    const kind = kindOrThrow(id, props);
    super(scope, id, {
      ...props,
      env: { account: props.config.account, region: props.config.region },
      terminationProtection: props.terminationProtection ?? kind === 'prod',
      description: props.description ?? `DPP baseline (${props.environmentName})`,
    });
    this.environmentName = props.environmentName;
    this.environmentKind = kind;
    this.config = props.config;
    this.policy = props.policy ?? policyOf(scope);
    this.node.setContext(POLICY_CONTEXT_KEY, this.policy);
    const contact = incidentContactProblem(props.config.incidentContact, this.policy);
    if (contact) throw new Error(`BaselineStack ${id}: config.incidentContact ${contact}`);

    Tags.of(this).add(TAG_ENVIRONMENT, props.environmentName);
    // The rules read the kind from here, else from dpp:environment (CONTROLS.md "Vocabulary"): an
    // environment named after its kind keeps the templates it had before kinds existed.
    if (props.environmentName !== kind) Tags.of(this).add(TAG_ENVIRONMENT_KIND, kind);
    Tags.of(this).add(TAG_DATA_ORIGIN, 'internal', { priority: DEFAULT_TAG_PRIORITY });
    Tags.of(this).add(TAG_CLASSIFICATION, 'internal', { priority: DEFAULT_TAG_PRIORITY });

    const environment = { name: props.environmentName, kind };
    const networkAndData = addNetworkAndData(this, environment, props.config);
    const identityAndAudit = addIdentityAndAudit(this, environment, props.config, networkAndData);
    addDataProtection(this, environment, props.config, networkAndData, identityAndAudit);
    if (props.config.incidentContact) {
      new CfnOutput(this, 'IncidentContact', { value: props.config.incidentContact, description: 'DPP 2.7 Incident Response: the Incident Management Point of Contact' });
    }
  }

  /** The configured zones: explicit, so synthesis never looks them up in AWS. */
  public get availabilityZones(): string[] {
    return [...this.config.availabilityZones];
  }
}
