import { Aspects, Stack, Stage, Validations, type IAspect, type StackProps, type StageProps } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { CfnKey } from 'aws-cdk-lib/aws-kms';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { acknowledgeInlinePolicy, acknowledgeNag, wildcardActionFinding, wildcardResourceFinding } from '../../constructs/common/nag-acknowledgments';
import { BuildSpec } from 'aws-cdk-lib/aws-codebuild';
import { CodeBuildStep, CodePipeline, CodePipelineSource, ManualApprovalStep } from 'aws-cdk-lib/pipelines';
import type { Construct } from 'constructs';
import type { EnvironmentConfig, EnvironmentKind, EnvironmentName, PipelineConfig } from '../config';
import { BaselineStack } from '../baseline/baseline-stack';
import { acknowledgeNonEnvironmentStack } from '../organization/non-environment-stack';
import type { PolicyProfile } from '../policy/profile';

/** The aws-cdk CLI the pipeline's self-mutation and asset steps install: the one package.json pins (a test keeps them equal). */
export const PIPELINE_CLI_VERSION = '2.1148.1';

/** Where the synth step writes the DPP check reports (SARIF and JUnit). */
export const DPP_REPORTS_DIRECTORY = 'dpp-reports';

/**
 * The synth step's commands: install, the project's tests, the synth (which runs the DPP pack as a
 * validation plugin) and `dpp check` over the cloud assembly as the gate, with SARIF and JUnit
 * reports. The JUnit report goes to a CodeBuild report group (kept when the gate fails); the SARIF
 * one rides in the synth output (cdk.out) to the pipeline's artifact bucket. `npm run dpp` runs the
 * CLI from the sources, so no build of the bin is needed.
 */
export function synthCommands(configFile?: string): string[] {
  const context = configFile === undefined ? '' : ` -c dppConfigFile=${configFile}`;
  return [
    'npm ci',
    'npm test',
    `npx cdk synth${context}`,
    `mkdir -p ${DPP_REPORTS_DIRECTORY}`,
    // The SARIF run reports; the JUnit run decides (exit 1 on an unacknowledged error).
    `npm run dpp -- check cdk.out --format sarif --output ${DPP_REPORTS_DIRECTORY}/dpp-check.sarif || true`,
    `npm run dpp -- check cdk.out --format junit --output ${DPP_REPORTS_DIRECTORY}/dpp-check.junit.xml`,
    `cp ${DPP_REPORTS_DIRECTORY}/dpp-check.sarif cdk.out/`,
  ];
}

/** Props of {@link EnvironmentStage}. */
export interface EnvironmentStageProps extends StageProps {
  /** The environment's name (stack `DppBaseline-<name>`). */
  readonly environmentName: EnvironmentName;
  /** The environment's validated configuration. */
  readonly config: EnvironmentConfig;
  /** The policy profile the baseline follows. */
  readonly policy: PolicyProfile;
}

/** One environment's baseline as a deployable unit of the pipeline, in the environment's account and region. */
export class EnvironmentStage extends Stage {
  public readonly baseline: BaselineStack;

  constructor(scope: Construct, id: string, props: EnvironmentStageProps) {
    super(scope, id, { ...props, env: { account: props.config.account, region: props.config.region } });
    this.baseline = new BaselineStack(this, 'Baseline', {
      stackName: `DppBaseline-${props.environmentName}`,
      environmentName: props.environmentName,
      config: props.config,
      policy: props.policy,
    });
  }

  /** The environment's kind, which decides the wave it is deployed in. */
  public get kind(): EnvironmentKind {
    return this.baseline.environmentKind;
  }
}

/** Props of {@link DeliveryPipelineStack}. */
export interface DeliveryPipelineStackProps extends StackProps {
  /** The pipeline's account, region, repository, branch and connection. */
  readonly pipeline: PipelineConfig;
  /**
   * The configuration file, relative to the repository root, that the synth step passes to
   * `cdk synth` as `-c dppConfigFile=`.
   * @default - the configuration in cdk.json context
   */
  readonly configFile?: string;
}

/**
 * The delivery pipeline (DPP 3.7 Vulnerability Management: testing, verifying and approving changes,
 * and restricting who may make them): source from a CodeConnections connection, a synth step that
 * tests and runs the DPP checks as a gate, then the test-kind environments, a manual approval, then
 * the prod-kind ones. Deployment to the environments' accounts goes through the CDK bootstrap roles
 * those accounts trust the pipeline account with (README "Delivery pipeline"), so only the pipeline's
 * roles deploy there. Cross-account: the artifact bucket is encrypted with a KMS key the target
 * accounts are granted (`crossAccountKeys`), with rotation.
 */
export class DeliveryPipelineStack extends Stack {
  public readonly pipeline: CodePipeline;

  constructor(scope: Construct, id: string, props: DeliveryPipelineStackProps) {
    super(scope, id, {
      ...props,
      env: { account: props.pipeline.account, region: props.pipeline.region },
      terminationProtection: props.terminationProtection ?? true,
      description: props.description ?? 'DPP baseline delivery pipeline',
    });
    const { repository, branch, connectionArn } = props.pipeline;
    const synth = new CodeBuildStep('Synth', {
      input: CodePipelineSource.connection(repository, branch, { connectionArn }),
      commands: synthCommands(props.configFile),
      primaryOutputDirectory: 'cdk.out',
      partialBuildSpec: BuildSpec.fromObject({
        reports: { DppChecks: { files: ['dpp-check.junit.xml'], 'base-directory': DPP_REPORTS_DIRECTORY, 'file-format': 'JUNITXML' } },
      }),
    });
    this.pipeline = new CodePipeline(this, 'Pipeline', { synth, crossAccountKeys: true, enableKeyRotation: true, cliVersion: PIPELINE_CLI_VERSION });
  }

  /**
   * Adds the environments: a wave of the test-kind ones, then a manual approval, then a wave of the
   * prod-kind ones. Call once, with every environment.
   */
  public addEnvironments(stages: readonly EnvironmentStage[]): void {
    const test = this.pipeline.addWave('TestEnvironments');
    for (const stage of stages.filter((s) => s.kind === 'test')) test.addStage(stage);
    const prod = this.pipeline.addWave('ProdEnvironments', {
      pre: [new ManualApprovalStep('PromoteToProd', { comment: 'The test-kind environments are deployed: review them, then approve to deploy prod (DPP 3.7 approving changes).' })],
    });
    for (const stage of stages.filter((s) => s.kind === 'prod')) prod.addStage(stage);
    // Built now, not at synth, so the stacks it adds (cross-region support) exist to be tagged and acknowledged.
    this.pipeline.buildPipeline();
    const supportStacks = this.node.root.node.children.filter((c): c is Stack => Stack.isStack(c) && c.node.id.startsWith('cross-region-stack-'));
    for (const stack of [this, ...supportStacks]) acknowledgeToolingStack(stack);
  }
}

/** Why the pipeline's artifact keys are granted to the environments' accounts. */
const CROSS_ACCOUNT_KEY_REASON =
  'CDK Pipelines encrypts the pipeline artifacts (synthesized templates and Lambda assets, no PII) with this key, and the environments\' accounts must decrypt them: the grants name only those accounts, whose bootstrap deploy roles trust this pipeline account alone.';

/** Why pipeline roles hold write actions on Resource "*". */
const PIPELINE_WILDCARD_REASON =
  'CDK Pipelines generates these grants: KMS use of the replication keys of other regions, whose ARNs live in support stacks this stack cannot reference, and starting the pipeline\'s own CodeBuild projects; the tooling account holds only the pipeline, and each key policy still decides who may use the key.';

function acknowledgeToolingStack(stack: Stack): void {
  // Its stores hold build artifacts of this repository: internal data, no PII.
  acknowledgeNonEnvironmentStack(stack, 'The delivery pipeline runs in a tooling account', 'the organization (the account-level StackSets, an organization trail, Control Tower)');
  Aspects.of(stack).add(new AcknowledgePipelineGrants());
  for (const child of stack.node.findAll()) {
    if (child instanceof CfnKey) Validations.of(child).acknowledge({ id: 'DPP::DPP-3.4-KmsKeyPolicyOwnAccount', reason: CROSS_ACCOUNT_KEY_REASON });
    if (child instanceof CfnPolicy) {
      Validations.of(child).acknowledge({ id: 'DPP::DPP-2.3-ScopedWriteActions', reason: PIPELINE_WILDCARD_REASON });
      acknowledgeInlinePolicy(child, 'a CDK Pipelines role (source, synth, self-mutation, asset publishing or the pipeline itself)');
    }
    if (child instanceof CfnBucket) {
      for (const [id, reason] of Object.entries(ARTIFACT_BUCKET_NAG)) acknowledgeNag(child, id, reason);
    }
  }
}

/**
 * Acknowledges each wildcard of CDK Pipelines' generated policies (cdk-nag reports AwsSolutions-IAM5
 * per action and resource). An aspect, so it sees the statements once every grant has been made.
 */
class AcknowledgePipelineGrants implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof CfnPolicy)) return;
    const document = Stack.of(node).resolve(node.policyDocument) as { Statement?: Array<{ Action?: unknown; Resource?: unknown }> };
    const findings = new Set<string>();
    for (const statement of document.Statement ?? []) {
      for (const action of [statement.Action ?? []].flat()) if (typeof action === 'string' && action.includes('*')) findings.add(wildcardActionFinding(action));
      for (const resource of [statement.Resource ?? []].flat()) {
        const finding = wildcardResourceFinding(node, resource as string);
        if (finding.includes('*')) findings.add(finding);
      }
    }
    for (const id of findings) acknowledgeNag(node, id, PIPELINE_GRANTS_REASON);
  }
}

/** Why CDK Pipelines' grants hold wildcards (cdk-nag AwsSolutions-IAM5). */
const PIPELINE_GRANTS_REASON =
  'CDK Pipelines generates these grants from its own constructs: object prefixes of its artifact bucket, its CodeBuild log groups and report groups, the KMS actions of its artifact keys, and the bootstrap roles it assumes in the target accounts. ' +
  'They stay inside the tooling account and the CDK bootstrap roles, which the environments trust only this account with.';

/** Why the pipeline's artifact buckets lack what cdk-nag asks of data buckets. */
const ARTIFACT_BUCKET_NAG: Readonly<Record<string, string>> = {
  'AwsSolutions-S1': 'The bucket holds only pipeline artifacts (the source zip, the synthesized templates, assets), each reproducible from the repository at its commit; every access is by a pipeline role and is recorded by the organization trail of the tooling account.',
  'NIST.800.53.R5-S3BucketLoggingEnabled': 'The bucket holds only pipeline artifacts, reproducible from the repository at its commit; only pipeline roles reach it, and CloudTrail in the tooling account records their access.',
  'NIST.800.53.R5-S3BucketReplicationEnabled': 'The bucket holds only pipeline artifacts, reproducible by running the pipeline again from the repository; S3 already stores each object across three availability zones, and a lost artifact costs a rerun, not data.',
  'NIST.800.53.R5-S3BucketVersioningEnabled': 'Every pipeline run writes its artifacts under new keys and never overwrites one, so versions would hold nothing to recover; the artifacts are reproducible from the repository at its commit.',
};
