import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildBaselineApp } from '../lib/app';
import { loadConfig } from '../lib/config';

const fixture = path.join(__dirname, 'fixtures', 'config', 'four-environments.yaml');

/** Issue 17: any number of environments, each of kind test or prod, from one configuration. */
describe('an app of four environments (two test-kind, two prod-kind, four accounts)', () => {
  let app: App;
  let templates: Record<string, Template>;

  beforeAll(() => {
    // Bundling of Lambda handlers is skipped: it does not change what the checks see.
    app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-envs-')), context: { dppConfigFile: fixture, 'aws:cdk:bundling-stacks': [] } });
    const stacks = buildBaselineApp(app, loadConfig((k) => app.node.tryGetContext(k)));
    app.synth();
    templates = Object.fromEntries(Object.entries(stacks).map(([name, stack]) => [name, Template.fromStack(stack)]));
  });

  test('synthesizes offline one baseline stack per environment, named after it, in its account and region', () => {
    const stacks = app.synth().stacks.filter((s) => !s.stackName.endsWith('-SignInForwarder'));
    expect(stacks.map((s) => [s.stackName, s.environment.account, s.environment.region]).sort()).toEqual([
      ['DppBaseline-dev', '333333333333', 'eu-west-1'],
      ['DppBaseline-prod-eu', '555555555555', 'eu-west-1'],
      ['DppBaseline-prod-us', '666666666666', 'us-east-2'],
      ['DppBaseline-staging', '444444444444', 'eu-west-1'],
    ]);
  });

  test.each([
    ['dev', 'test'],
    ['staging', 'test'],
    ['prod-eu', 'prod'],
    ['prod-us', 'prod'],
  ])('%s: tagged with its name and kind %s; the kind decides termination protection and deletion protection', (name, kind) => {
    const prod = kind === 'prod';
    expect(app.synth().getStackByName(`DppBaseline-${name}`).terminationProtection ?? false).toBe(prod);
    const template = templates[name];
    template.hasResourceProperties('AWS::S3::Bucket', {
      Tags: Match.arrayWith([{ Key: 'dpp:environment', Value: name }, { Key: 'dpp:environment-kind', Value: kind }]),
    });
    template.hasResourceProperties('AWS::RDS::DBCluster', { DeletionProtection: prod });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: prod ? 'Retain' : 'Delete' });
  });

  test('the DPP checks pass on the whole app: no unacknowledged error', () => {
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8'));
    const dpp = report.pluginReports.find((r: { pluginName: string }) => r.pluginName === 'DPP');
    expect((dpp?.violations ?? []).filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
  });
});
