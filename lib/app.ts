import { App, Validations } from 'aws-cdk-lib';
import { BaselineStack } from './baseline/baseline-stack';
import { DppChecks } from './checks/nag-pack';
import { CONFIG_FILE_CONTEXT_KEY, loadConfig, type DppConfig, type EnvironmentName } from './config';
import { OrganizationControlsStack } from './organization/organization-controls-stack';
import { DeliveryPipelineStack, EnvironmentStage } from './pipeline/delivery-pipeline-stack';
import { resolveProfile } from './policy/load';

/** The stack name of an environment's baseline. */
export function baselineStackName(environment: EnvironmentName): string {
  return `DppBaseline-${environment}`;
}

/** The stack name of the delivery pipeline, when the configuration names one. */
export const PIPELINE_STACK_NAME = 'DppBaseline-pipeline';

/** The stack name of the organization's StackSets, when the configuration has `organization`. */
export const ORGANIZATION_STACK_NAME = 'DppBaseline-organization';

/** The environments of the default configuration (cdk.json), in deployment order. */
export const ENVIRONMENTS: readonly EnvironmentName[] = ['test', 'prod'];

/**
 * Adds one baseline stack per configured environment (in the configuration's order) to an app and
 * registers the DPP checks on it. Validation of the configuration happens before any construct is made.
 */
export function buildBaselineApp(app: App, config: DppConfig = loadConfig((k) => app.node.tryGetContext(k))): Record<EnvironmentName, BaselineStack> {
  // The profile `policy` names: the stacks' constructs follow it and the checks assert it.
  const profile = config.profile ?? resolveProfile(config.policy ?? 'dpp', 'dpp.policy');
  const stacks: Record<EnvironmentName, BaselineStack> = {};
  let checks: DppChecks | undefined;
  if (config.pipeline) {
    // The environments deploy through the pipeline, each a stage in its own account (README "Delivery pipeline").
    const configFile = app.node.tryGetContext(CONFIG_FILE_CONTEXT_KEY) as string | undefined;
    const delivery = new DeliveryPipelineStack(app, PIPELINE_STACK_NAME, { pipeline: config.pipeline, configFile });
    const stages = Object.entries(config.environments).map(([name, environment]) => new EnvironmentStage(app, name, { environmentName: name, config: environment, policy: profile }));
    // Made before the stages join the pipeline, which synthesizes each as it is added: the checks'
    // aspects that write acknowledgments into the templates must be on the stages by then.
    checks = new DppChecks(app, { writeSuppressionsToCloudFormation: true, profile });
    delivery.addEnvironments(stages);
    for (const stage of stages) stacks[stage.baseline.environmentName] = stage.baseline;
  } else {
    for (const [name, environment] of Object.entries(config.environments)) {
      stacks[name] = new BaselineStack(app, baselineStackName(name), {
        environmentName: name,
        config: environment,
        policy: profile,
      });
    }
  }
  if (config.organization) {
    // Security alerts of the organization's accounts go where prod's go, unless the config says otherwise.
    const alertEmail = config.organization.alertEmail ?? Object.values(config.environments).find((e) => e.kind === 'prod')!.alertEmail;
    new OrganizationControlsStack(app, ORGANIZATION_STACK_NAME, { organization: config.organization, alertEmail, policy: profile });
  }
  Validations.of(app).addPlugins(checks ?? new DppChecks(app, { writeSuppressionsToCloudFormation: true, profile }));
  return stacks;
}
