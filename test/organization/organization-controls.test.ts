import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildBaselineApp, ORGANIZATION_STACK_NAME } from '../../lib/app';
import { loadConfig, organizationSchema } from '../../lib/config';
import { accountControlsTemplate, STACK_SET_LIMITS } from '../../lib/organization/account-controls-stack';
import { OrganizationControlsStack } from '../../lib/organization/organization-controls-stack';
import { DPP } from '../../lib/policy/profile';
import { collectCheck } from '../../lib/reports/check-stream';

const fixture = path.join(__dirname, '..', 'fixtures', 'config', 'organization.yaml');
const organization = organizationSchema.parse({ account: '999999999999', region: 'eu-west-1', organizationalUnitIds: ['ou-ab12-11111111'], regions: ['eu-west-1'] });

/** Issue 17: account-level controls across an organization with a service-managed StackSet. */
describe('with `organization` in the configuration', () => {
  let app: App;
  let stackSet: { Properties: Record<string, unknown> };
  let body: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>; Parameters?: object; Rules?: object };

  beforeAll(() => {
    app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-org-')), context: { dppConfigFile: fixture, 'aws:cdk:bundling-stacks': [] } });
    buildBaselineApp(app, loadConfig((k) => app.node.tryGetContext(k)));
    app.synth();
    const template = Template.fromStack(app.node.findChild(ORGANIZATION_STACK_NAME) as Stack);
    stackSet = Object.values(template.findResources('AWS::CloudFormation::StackSet'))[0] as typeof stackSet;
    body = JSON.parse(stackSet.Properties.TemplateBody as string);
  });

  test('adds the StackSets stack in the management or delegated-administrator account', () => {
    expect(app.synth().getStackByName(ORGANIZATION_STACK_NAME).environment).toMatchObject({ account: '999999999999', region: 'eu-west-1' });
  });

  test('a service-managed StackSet, deployed automatically to the OUs\' accounts in each region, removed from accounts that leave', () => {
    expect(stackSet.Properties).toMatchObject({
      StackSetName: 'dpp-account-controls',
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      CallAs: 'DELEGATED_ADMIN',
      StackInstancesGroup: [{ DeploymentTargets: { OrganizationalUnitIds: ['ou-ab12-11111111'] }, Regions: ['eu-west-1', 'eu-central-1', 'us-east-1'] }],
    });
    expect(stackSet.Properties.TemplateURL).toBeUndefined();
  });

  test('its template body holds the detective services and a subscribed, encrypted security topic, and nothing a StackSet instance cannot deploy', () => {
    const types = Object.values(body.Resources).map((r) => r.Type);
    expect(types).toEqual(expect.arrayContaining(['AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::Macie::Session', 'AWS::SNS::Topic', 'AWS::KMS::Key']));
    expect(Object.values(body.Resources).find((r) => r.Type === 'AWS::SNS::Subscription')?.Properties).toMatchObject({ Protocol: 'email', Endpoint: 'sec@example.org' });
    // No Lambda (its code would be an asset in the administrator's bootstrap bucket) and no CDK bootstrap check.
    expect(types.filter((t) => t.startsWith('AWS::Lambda::'))).toEqual([]);
    expect(body.Rules).toBeUndefined();
  });

  test('the template body stays within the documented StackSet limit; the StackSet name follows the documented pattern', () => {
    expect(Buffer.byteLength(stackSet.Properties.TemplateBody as string)).toBeLessThanOrEqual(STACK_SET_LIMITS.maxTemplateBodyBytes);
    expect(STACK_SET_LIMITS.stackSetName.test('dpp-account-controls')).toBe(true);
    for (const bad of ['1controls', 'dpp_controls', `a${'b'.repeat(128)}`]) expect(STACK_SET_LIMITS.stackSetName.test(bad)).toBe(false);
    expect(() => new OrganizationControlsStack(new App(), 'Org', { organization, alertEmail: 'sec@example.org', policy: DPP, stackSetName: 'dpp_controls' })).toThrow(/stackSetName "dpp_controls" must be letters, digits and hyphens/);
  });

  test('services the organization already runs are left out of the body', () => {
    const existing = organizationSchema.parse({ ...organization, services: { guardDuty: 'existing', securityHub: false } });
    const types = Object.values(JSON.parse(accountControlsTemplate(existing, 'sec@example.org', DPP)).Resources as Record<string, { Type: string }>).map((r) => r.Type);
    expect(types).not.toContain('AWS::GuardDuty::Detector');
    expect(types).not.toContain('AWS::SecurityHub::Hub');
    expect(types).toContain('AWS::Macie::Session');
  });

  test('the whole app passes the DPP pack', () => {
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8'));
    const dpp = report.pluginReports.find((r: { pluginName: string }) => r.pluginName === 'DPP');
    expect((dpp?.violations ?? []).filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
  });

  test('dpp check of the cloud assembly checks the StackSet\'s template body, with no error', async () => {
    const { results } = await collectCheck([app.outdir]);
    const inBody = results.find((r) => r.stackName === `${ORGANIZATION_STACK_NAME}/AccountControls`);
    expect(inBody?.resources).toBe(Object.keys(body.Resources).length);
    expect(results.flatMap((r) => r.findings).filter((f) => f.level === 'error' && !f.acknowledged)).toEqual([]);
  });
});
