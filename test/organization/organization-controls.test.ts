import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { buildBaselineApp, ORGANIZATION_STACK_NAME } from '../../lib/app';
import { loadConfig, organizationSchema } from '../../lib/config';
import { OrganizationControlsStack, organizationRegions } from '../../lib/organization/organization-controls-stack';
import { assetReferences, STACK_SET_LIMITS, stackSetTemplate } from '../../lib/organization/stack-set-template';
import { DPP } from '../../lib/policy/profile';
import { collectCheck } from '../../lib/reports/check-stream';
import { INLINE_CODE } from '../../constructs/common/handler-source';
import { AccountControlsStack } from '../../lib/organization/account-controls-stack';
import { OrganizationDetectiveServicesStack } from '../../lib/organization/detective-services-stack';
import { SignInForwardingStack } from '../../lib/organization/sign-in-forwarding-stack';
import { CDK_NAG_PACKS, nagErrors } from '../helpers/cdk-nag-packs';
import { CFN_LINT_VERSION, cfnLintErrors } from '../helpers/cfn-lint';

const fixture = path.join(__dirname, '..', 'fixtures', 'config', 'organization.yaml');
const organization = organizationSchema.parse({ account: '999999999999', region: 'eu-west-1', organizationalUnitIds: ['ou-ab12-11111111'], regions: ['eu-west-1'] });

type Body = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>; Parameters?: object; Rules?: object };
type StackSetResource = { Properties: Record<string, unknown> & { TemplateBody: string } };

/** Issue 17: account-level controls across an organization with service-managed StackSets. */
describe('with `organization` in the configuration', () => {
  let app: App;
  let stackSets: Record<string, StackSetResource>;
  const body = (name: string): Body => JSON.parse(stackSets[name].Properties.TemplateBody);
  const types = (name: string): string[] => Object.values(body(name).Resources).map((r) => r.Type);

  beforeAll(() => {
    app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-org-')), context: { dppConfigFile: fixture, 'aws:cdk:bundling-stacks': [] } });
    buildBaselineApp(app, loadConfig((k) => app.node.tryGetContext(k)));
    app.synth();
    const template = Template.fromStack(app.node.findChild(ORGANIZATION_STACK_NAME) as Stack);
    stackSets = Object.fromEntries(Object.values(template.findResources('AWS::CloudFormation::StackSet')).map((r) => [r.Properties.StackSetName, r as StackSetResource]));
  });

  test('adds the StackSets stack in the management or delegated-administrator account', () => {
    expect(app.synth().getStackByName(ORGANIZATION_STACK_NAME).environment).toMatchObject({ account: '999999999999', region: 'eu-west-1' });
  });

  test('three service-managed StackSets, deployed automatically to the OUs\' accounts, removed from accounts that leave', () => {
    expect(Object.keys(stackSets).sort()).toEqual(['dpp-account-controls', 'dpp-detective-services', 'dpp-sign-in-forwarding']);
    for (const stackSet of Object.values(stackSets)) {
      expect(stackSet.Properties).toMatchObject({
        PermissionModel: 'SERVICE_MANAGED',
        AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
        CallAs: 'DELEGATED_ADMIN',
        StackInstancesGroup: [{ DeploymentTargets: { OrganizationalUnitIds: ['ou-ab12-11111111'] } }],
      });
      expect(stackSet.Properties.TemplateURL).toBeUndefined();
    }
  });

  test('each StackSet deploys where its controls belong: account-wide ones once (home region), forwarding from every other sign-in region', () => {
    const regions = (name: string) => (stackSets[name].Properties.StackInstancesGroup as Array<{ Regions: string[] }>)[0].Regions;
    expect(regions('dpp-account-controls')).toEqual(['eu-west-1']);
    expect(regions('dpp-detective-services')).toEqual(['eu-west-1', 'eu-central-1', 'us-east-1']);
    // The configured regions and the four where CloudTrail records the global endpoint's sign-ins, less the home region.
    expect(regions('dpp-sign-in-forwarding')).toEqual(['eu-central-1', 'us-east-1', 'us-east-2', 'eu-north-1', 'ap-southeast-2']);
  });

  test('account controls: the password policy and the lockout, with their code inline and no provider framework', () => {
    const resources = Object.values(body('dpp-account-controls').Resources);
    expect(types('dpp-account-controls')).toEqual(expect.arrayContaining(['Custom::AccountPasswordPolicy', 'AWS::DynamoDB::Table', 'AWS::Events::Rule', 'AWS::SNS::Topic']));
    const functions = resources.filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions).toHaveLength(2);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Handler: INLINE_CODE.handler, Runtime: 'nodejs24.x' });
      expect(typeof (fn.Properties!.Code as { ZipFile?: unknown }).ZipFile).toBe('string');
    }
    // CloudFormation invokes the password-policy handler directly: its ARN is the service token.
    const policy = resources.find((r) => r.Type === 'Custom::AccountPasswordPolicy')!;
    expect(policy.Properties!.ServiceToken).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^AccountPasswordPolicyHandlerFunction/), 'Arn'] });
    expect(policy.Properties).toMatchObject({ MinimumPasswordLength: 14, RequireSymbols: true });
  });

  test('sign-in forwarding: one rule to the home region\'s default bus of the same account', () => {
    const rule = Object.values(body('dpp-sign-in-forwarding').Resources).find((r) => r.Type === 'AWS::Events::Rule')!;
    expect(JSON.stringify(rule.Properties!.Targets)).toContain(':events:eu-west-1:');
    expect(JSON.stringify(rule.Properties!.Targets)).toContain('"Ref":"AWS::AccountId"');
  });

  test('detective services: the services and a subscribed, encrypted security topic, no Lambda', () => {
    expect(types('dpp-detective-services')).toEqual(expect.arrayContaining(['AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::Macie::Session', 'AWS::SNS::Topic', 'AWS::KMS::Key']));
    expect(Object.values(body('dpp-detective-services').Resources).find((r) => r.Type === 'AWS::SNS::Subscription')?.Properties).toMatchObject({ Protocol: 'email', Endpoint: 'sec@example.org' });
    expect(types('dpp-detective-services').filter((t) => t.startsWith('AWS::Lambda::'))).toEqual([]);
  });

  (CFN_LINT_VERSION ? test : test.skip)('cfn-lint reports no error on the StackSets\' stack or any body', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-org-bodies-'));
    try {
      const files = Object.keys(stackSets).map((name) => path.join(dir, `${name}.json`));
      for (const [i, name] of Object.keys(stackSets).entries()) fs.writeFileSync(files[i], stackSets[name].Properties.TemplateBody);
      expect(cfnLintErrors([...files, path.join(app.outdir, `${ORGANIZATION_STACK_NAME}.template.json`)])).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('no template needs an asset or the CDK bootstrap, and each stays within the documented StackSet body limit', () => {
    for (const [name, stackSet] of Object.entries(stackSets)) {
      expect(assetReferences(body(name))).toEqual([]);
      expect(body(name).Rules).toBeUndefined();
      expect(Buffer.byteLength(stackSet.Properties.TemplateBody)).toBeLessThanOrEqual(STACK_SET_LIMITS.maxTemplateBodyBytes);
    }
  });

  test('prod environments whose accounts the StackSet covers set no password policy or lockout of their own', () => {
    const prod = app.node.findChild('DppBaseline-prod-eu') as Stack;
    const dev = app.node.findChild('DppBaseline-dev') as Stack;
    expect(Object.keys(Template.fromStack(prod).findResources('Custom::AccountPasswordPolicy'))).toEqual([]);
    expect(Object.keys(Template.fromStack(prod).findResources('AWS::DynamoDB::Table', { Properties: { KeySchema: [{ AttributeName: 'userName', KeyType: 'HASH' }] } }))).toEqual([]);
    expect(Object.keys(Template.fromStack(dev).findResources('Custom::AccountPasswordPolicy'))).toHaveLength(1);
  });

  test('the whole app passes the DPP pack', () => {
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8'));
    const dpp = report.pluginReports.find((r: { pluginName: string }) => r.pluginName === 'DPP');
    expect((dpp?.violations ?? []).filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
  });

  test('dpp check of the cloud assembly checks each StackSet\'s template body, with no error', async () => {
    const { results } = await collectCheck([app.outdir]);
    for (const id of ['AccountControls', 'SignInForwarding', 'DetectiveServices']) {
      const name = `dpp-${id.replace(/[A-Z]/g, (c, i) => `${i ? '-' : ''}${c.toLowerCase()}`)}`;
      const inBody = results.find((r) => r.stackName === `${ORGANIZATION_STACK_NAME}/${id}`);
      expect(inBody?.resources).toBe(Object.keys(body(name).Resources).length);
    }
    expect(results.flatMap((r) => r.findings).filter((f) => f.level === 'error' && !f.acknowledged)).toEqual([]);
    // The bodies carry their stack-level acknowledgments once, at template level, and dpp check honours them there.
    const bodies = results.filter((r) => r.stackName?.startsWith(`${ORGANIZATION_STACK_NAME}/`));
    expect(bodies.flatMap((r) => r.findings).filter((f) => !f.acknowledged)).toEqual([]);
    expect(bodies.flatMap((r) => r.findings).filter((f) => f.ruleId === 'DPP-3.6-TrailPresent')).toHaveLength(3);
  });
});

describe('the StackSets\' configuration', () => {
  test('regions: home defaults to the first region; signInRegions replaces the default forwarding regions', () => {
    expect(organizationRegions(organization)).toEqual({ home: 'eu-west-1', detective: ['eu-west-1'], forwarding: ['us-east-1', 'us-east-2', 'eu-north-1', 'ap-southeast-2'] });
    const custom = organizationSchema.parse({ ...organization, homeRegion: 'us-east-1', signInRegions: ['us-east-1', 'eu-west-1'] });
    expect(organizationRegions(custom)).toEqual({ home: 'us-east-1', detective: ['eu-west-1'], forwarding: ['eu-west-1'] });
  });

  test('a StackSet with nothing to deploy is left out', () => {
    const none = organizationSchema.parse({ ...organization, passwordPolicy: false, accountLockout: false, services: { guardDuty: 'existing', securityHub: false, macie: 'existing' } });
    expect(Object.keys(new OrganizationControlsStack(new App(), 'Org', { organization: none, alertEmail: 'sec@example.org', policy: DPP }).stackSets)).toEqual([]);
  });

  test('services the organization already runs are left out of the detective services\' body', () => {
    const existing = organizationSchema.parse({ ...organization, services: { guardDuty: 'existing', securityHub: false } });
    const template = stackSetTemplate(DPP, (app, synthesizer) => new OrganizationDetectiveServicesStack(app, 'DetectiveServices', { organization: existing, alertEmail: 'sec@example.org', synthesizer }));
    const bodyTypes = Object.values(JSON.parse(template).Resources as Record<string, { Type: string }>).map((r) => r.Type);
    expect(bodyTypes).not.toContain('AWS::GuardDuty::Detector');
    expect(bodyTypes).not.toContain('AWS::SecurityHub::Hub');
    expect(bodyTypes).toContain('AWS::Macie::Session');
  });

  test('the lockout alone: the account-controls body has no password policy', () => {
    const lockoutOnly = organizationSchema.parse({ ...organization, passwordPolicy: false });
    const template = stackSetTemplate(DPP, (app, synthesizer) => new AccountControlsStack(app, 'AccountControls', { organization: lockoutOnly, alertEmail: 'sec@example.org', policy: DPP, synthesizer }));
    expect(template).not.toContain('Custom::AccountPasswordPolicy');
    expect(template).toContain('AWS::DynamoDB::Table');
  });

  test('the StackSet name prefix follows the documented name pattern (letters, digits, hyphens; at most 128 characters in all)', () => {
    expect(STACK_SET_LIMITS.stackSetName.test('dpp-account-controls')).toBe(true);
    for (const bad of ['1controls', 'dpp_controls', `a${'b'.repeat(128)}`]) expect(STACK_SET_LIMITS.stackSetName.test(bad)).toBe(false);
    expect(() => new OrganizationControlsStack(new App(), 'Org', { organization, alertEmail: 'sec@example.org', policy: DPP, stackSetNamePrefix: 'dpp_controls' })).toThrow(/stackSetNamePrefix "dpp_controls" must be letters, digits and hyphens, starting with a letter, at most 109 characters/);
    expect(() => new OrganizationControlsStack(new App(), 'Org', { organization, alertEmail: 'sec@example.org', policy: DPP, stackSetNamePrefix: `a${'b'.repeat(109)}` })).toThrow(/at most 109 characters/);
  });
});

describe('assetReferences (a StackSet instance cannot read the administrator account\'s asset bucket)', () => {
  test('finds Lambda code in S3, layers in S3 and any value naming the CDK asset bucket; inline code passes', () => {
    const template = {
      Resources: {
        Inline: { Type: 'AWS::Lambda::Function', Properties: { Code: { ZipFile: 'exports.handler=async()=>{}' } } },
        InS3: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Bucket: 'some-bucket', S3Key: 'a.zip' } } },
        Layer: { Type: 'AWS::Lambda::LayerVersion', Properties: { Content: { S3Bucket: { 'Fn::Sub': 'x' }, S3Key: 'l.zip' } } },
        Provider: { Type: 'Custom::AWS', Properties: { Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' } } },
        Topic: { Type: 'AWS::SNS::Topic' },
      },
    };
    expect(assetReferences(template)).toEqual(['InS3', 'Layer', 'Provider']);
  });

  test('a body the DPP pack fails is refused, naming it (the findings are printed above)', () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => stackSetTemplate(DPP, (app, synthesizer) => {
        const stack = new Stack(app, 'Unencrypted', { synthesizer });
        new CfnBucket(stack, 'Bucket');
        return stack;
      })).toThrow(/^Unencrypted: the StackSet template fails the DPP checks \(findings above\)/);
    } finally {
      quiet.mockRestore();
    }
  });

  test.each([
    ['used by a resource', true, /\(Output[^)]*, [0-9a-f]{64}\)$/],
    ['only listed in the asset manifest', false, /\([0-9a-f]{64}\)$/],
  ])('a stack with an asset %s is refused, naming it', (_what, referenced, names) => {
    const build = () => stackSetTemplate(DPP, (app, synthesizer) => {
      const stack = new Stack(app, 'WithAsset', { synthesizer });
      const asset = new Asset(stack, 'File', { path: __filename });
      if (referenced) new CfnOutput(stack, 'Output', { value: asset.s3ObjectUrl });
      return stack;
    });
    expect(build).toThrow(/^WithAsset: a StackSet template cannot use CDK assets, which its instances in other accounts cannot read/);
    expect(build).toThrow(names);
  });
});

describe('the StackSets\' stacks and bodies against cdk-nag\'s packs', () => {
  const full = organizationSchema.parse({ ...organization, regions: ['eu-west-1', 'eu-central-1'] });
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = [
    new AccountControlsStack(app, 'AccountControls', { organization: full, alertEmail: 'sec@example.org', policy: DPP }),
    new SignInForwardingStack(app, 'SignInForwarding', { homeRegion: 'eu-west-1' }),
    new OrganizationDetectiveServicesStack(app, 'DetectiveServices', { organization: full, alertEmail: 'sec@example.org' }),
    new OrganizationControlsStack(app, 'Org', { organization: full, alertEmail: 'sec@example.org', policy: DPP }),
  ];

  test.each(CDK_NAG_PACKS)('pass cdk-nag %s with reasoned acknowledgments', (_name, pack) => {
    expect(nagErrors(stacks, pack)).toEqual([]);
  });
});
