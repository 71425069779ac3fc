import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildBaselineApp, PIPELINE_STACK_NAME } from '../../lib/app';
import { loadConfig } from '../../lib/config';
import { PIPELINE_CLI_VERSION, synthCommands } from '../../lib/pipeline/delivery-pipeline-stack';
import { CDK_NAG_PACKS, nagErrors } from '../helpers/cdk-nag-packs';

const fixture = path.join(__dirname, '..', 'fixtures', 'config', 'pipeline.yaml');

interface PipelineStage { Name: string; Actions: Array<{ Name: string; RunOrder?: number; ActionTypeId: { Category: string }; RoleArn?: unknown }> }

/** Issue 17: the delivery pipeline (DPP 3.7: testing, verifying and approving changes). */
describe('with `pipeline` in the configuration', () => {
  let app: App;
  let template: Template;
  let stages: PipelineStage[];
  let tooling: Stack[];

  beforeAll(() => {
    app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-pipeline-')), context: { dppConfigFile: fixture, 'aws:cdk:bundling-stacks': [] } });
    buildBaselineApp(app, loadConfig((k) => app.node.tryGetContext(k)));
    app.synth();
    const pipelineStack = app.node.findChild(PIPELINE_STACK_NAME) as Stack;
    tooling = app.node.children.filter((c): c is Stack => Stack.isStack(c));
    template = Template.fromStack(pipelineStack);
    stages = Object.values(template.findResources('AWS::CodePipeline::Pipeline'))[0].Properties.Stages;
  });

  test('adds the pipeline in its account, and each environment as a stage with its stack DppBaseline-<name>', () => {
    const assembly = app.synth();
    expect(assembly.getStackByName(PIPELINE_STACK_NAME).environment).toMatchObject({ account: '999999999999', region: 'eu-west-1' });
    const nested = assembly.nestedAssemblies.flatMap((n) => n.nestedAssembly.stacks.map((s) => [s.stackName, s.environment.account]));
    expect(nested.sort()).toEqual([['DppBaseline-dev', '333333333333'], ['DppBaseline-prod-eu', '555555555555'], ['DppBaseline-prod-us', '666666666666'], ['DppBaseline-staging', '444444444444']]);
  });

  test('runs the source, the synth, then the test-kind environments, then the prod-kind ones', () => {
    expect(stages.map((s) => s.Name)).toEqual(['Source', 'Build', 'UpdatePipeline', 'Assets', 'TestEnvironments', 'ProdEnvironments']);
    const source = stages[0].Actions[0] as unknown as { Configuration: Record<string, unknown> };
    expect(source.Configuration).toMatchObject({ FullRepositoryId: 'acme/platform', BranchName: 'main', ConnectionArn: expect.stringContaining(':connection/') });
    const names = (stage: string) => stages.find((s) => s.Name === stage)!.Actions.map((a) => a.Name).join(' ');
    expect(names('TestEnvironments')).toMatch(/dev\./);
    expect(names('TestEnvironments')).toMatch(/staging\./);
    expect(names('TestEnvironments')).not.toMatch(/prod/);
    expect(names('ProdEnvironments')).toMatch(/prod-eu\./);
    expect(names('ProdEnvironments')).toMatch(/prod-us\./);
  });

  test('holds every prod-kind deployment behind a manual approval', () => {
    const prod = stages.find((s) => s.Name === 'ProdEnvironments')!;
    const approval = prod.Actions.find((a) => a.ActionTypeId.Category === 'Approval')!;
    expect(approval.Name).toBe('PromoteToProd');
    const deploys = prod.Actions.filter((a) => a.ActionTypeId.Category === 'Deploy');
    expect(deploys.length).toBeGreaterThanOrEqual(4);
    for (const deploy of deploys) expect(deploy.RunOrder).toBeGreaterThan(approval.RunOrder ?? 1);
    expect(stages.find((s) => s.Name === 'TestEnvironments')!.Actions.some((a) => a.ActionTypeId.Category === 'Approval')).toBe(false);
  });

  test('deploys each prod account through that account\'s CDK bootstrap deploy role (the trust `cdk bootstrap --trust` grants the pipeline account)', () => {
    const prod = stages.find((s) => s.Name === 'ProdEnvironments')!;
    const roles = prod.Actions.filter((a) => a.ActionTypeId.Category === 'Deploy').map((a) => JSON.stringify(a.RoleArn));
    expect(roles.every((r) => /cdk-hnb659fds-deploy-role-(555555555555|666666666666)-/.test(r))).toBe(true);
  });

  test('the synth step tests, synthesizes and gates on dpp check, with JUnit as a report and SARIF in the artifact', () => {
    const projects = template.findResources('AWS::CodeBuild::Project', { Properties: { Source: { BuildSpec: Match.stringLikeRegexp('dpp -- check cdk.out') } } });
    expect(Object.keys(projects)).toHaveLength(1);
    const buildSpec = JSON.parse(Object.values(projects)[0].Properties.Source.BuildSpec);
    expect(buildSpec.phases.build.commands).toEqual(synthCommands(fixture));
    expect(buildSpec.reports.DppChecks).toEqual({ files: ['dpp-check.junit.xml'], 'base-directory': 'dpp-reports', 'file-format': 'JUNITXML' });
    expect(synthCommands()).toEqual(expect.arrayContaining(['npm ci', 'npm test', 'npx cdk synth']));
    // The JUnit run decides; the SARIF run must not stop the build before it.
    expect(synthCommands().find((c) => c.includes('--format junit'))).not.toMatch(/\|\| true/);
  });

  test('the pipeline\'s own steps install the aws-cdk CLI that package.json pins', () => {
    const pinned = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).devDependencies['aws-cdk'];
    expect(PIPELINE_CLI_VERSION).toBe(pinned);
    template.hasResourceProperties('AWS::CodeBuild::Project', { Source: { BuildSpec: Match.stringLikeRegexp(`aws-cdk@${PIPELINE_CLI_VERSION}`) } });
  });

  test('the artifact bucket is encrypted with a rotated key the target accounts may use (crossAccountKeys)', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::S3::Bucket', { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } });
  });

  test('the whole app passes the DPP pack: no unacknowledged error, no warning', () => {
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8'));
    const dpp = report.pluginReports.find((r: { pluginName: string }) => r.pluginName === 'DPP');
    expect((dpp?.violations ?? []).map((v: { ruleName: string; severity: string }) => `${v.severity} ${v.ruleName}`)).toEqual([]);
  });

  test.each(CDK_NAG_PACKS)('the pipeline stacks pass cdk-nag %s with reasoned acknowledgments', (_name, pack) => {
    expect(nagErrors(tooling, pack)).toEqual([]);
  });
});
