import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnTopic } from 'aws-cdk-lib/aws-sns';
import { PASSWORD_POLICY_EXISTING_REASON } from '../lib/baseline/identity-audit';
import { buildBaselineApp } from '../lib/app';
import { DppChecks } from '../lib/checks/nag-pack';
import { dppRuleSet } from '../lib/checks/rules';
import { loadConfig } from '../lib/config';
import { loadPaths } from '../lib/loading/load-paths';
import { dpp } from './cli/run-cli';
import { expectDigestsAgree } from './helpers/check';

const fixture = path.join(__dirname, 'fixtures', 'config', 'organization-pipeline.yaml');

/** The environment-control rules a stack of no DPP environment acknowledges (lib/organization/non-environment-stack.ts). */
const ENVIRONMENT_CONTROLS = ['DPP-2.4-AccountPasswordPolicyPresent', 'DPP-2.7-SecurityTopicSubscribed', 'DPP-3.3-ConfigRecorderPresent', 'DPP-3.6-TrailPresent'];

interface JsonFinding {
  readonly ruleId: string;
  readonly level: string;
  readonly stack?: string;
  readonly logicalId: string | null;
  readonly acknowledged: boolean;
  readonly acknowledgedReason?: string;
}

/**
 * Issue 17: the whole organization-scale app (four environments through the pipeline, the
 * StackSets) synthesizes into a cloud assembly that `dpp check` passes with no warning: every
 * acknowledgment made at synth, stack-level ones included, reaches the templates with its reason.
 */
describe('dpp check of the app with a pipeline and an organization', () => {
  let report: { summary: { templates: number; errors: number; warnings: number; acknowledged: number }; findings: JsonFinding[] };
  let code: number;
  let outdir: string;

  beforeAll(async () => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-org-scale-'));
    // Bundling of Lambda handlers is skipped: it does not change what the checks see.
    const app = new App({ outdir, context: { dppConfigFile: fixture, 'aws:cdk:bundling-stacks': [] } });
    buildBaselineApp(app, loadConfig((k) => app.node.tryGetContext(k)));
    app.synth();
    const run = await dpp('check', outdir, '--format', 'json');
    code = run.code;
    report = JSON.parse(run.stdout);
  }, 120_000);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('no error and no warning: exit 0', () => {
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(code).toBe(0);
  });

  test('every stack of no DPP environment (pipeline, its support stack, the StackSets\' stack and bodies) has the environment controls acknowledged at stack level, with the reasons given at synth', () => {
    const environment = /^DppBaseline-(dev|staging|prod-eu|prod-us)$/;
    const stackLevel = report.findings.filter((f) => f.logicalId === null && !environment.test(f.stack ?? ''));
    const byStack = new Map<string, JsonFinding[]>();
    for (const f of stackLevel) byStack.set(f.stack!, [...(byStack.get(f.stack!) ?? []), f]);
    const stacks = [...byStack.keys()].sort();
    expect(stacks).toEqual(expect.arrayContaining(['DppBaseline-organization', 'DppBaseline-pipeline', 'DppBaseline-pipeline-support-us-east-2']));
    // The StackSets' bodies: `<stack>/<StackSet logical ID>`.
    expect(stacks.filter((s) => s.startsWith('DppBaseline-organization/')).length).toBeGreaterThan(0);
    for (const [stack, findings] of byStack) {
      expect([stack, findings.map((f) => f.ruleId).sort()]).toEqual([stack, ENVIRONMENT_CONTROLS]);
      for (const finding of findings) {
        expect(finding.acknowledged).toBe(true);
        expect(finding.acknowledgedReason).toMatch(/belongs to no DPP environment; .+ (comes from .+, not from this stack|is this stack's own, in each account and region it is deployed to)\.$/);
      }
    }
  });

  test('prod environments that leave the password policy to the organization\'s StackSet have that finding acknowledged with the reason', () => {
    const inProd = report.findings.filter((f) => f.logicalId === null && /^DppBaseline-prod-(eu|us)$/.test(f.stack ?? ''));
    expect(inProd.map((f) => [f.stack, f.ruleId, f.acknowledged, f.acknowledgedReason]).sort()).toEqual(['DppBaseline-prod-eu', 'DppBaseline-prod-us'].map((stack) =>
      [stack, 'DPP-2.4-AccountPasswordPolicyPresent', true, PASSWORD_POLICY_EXISTING_REASON]));
  });

  test('the app rules find the same over the stacks\' digests as over the stacks (what dpp check holds of tagged loose templates)', () => {
    const stacks = loadPaths([outdir]).groups.flatMap((g) => g.templates.map((t) => t.stack));
    expect(stacks.length).toBe(report.summary.templates);
    expect(() => expectDigestsAgree(dppRuleSet(), stacks)).not.toThrow();
  });

  test('the environments\' stacks, synthesized by the pipeline\'s stages, carry their resources\' acknowledgments', () => {
    const inStages = report.findings.filter((f) => /^DppBaseline-(dev|staging|prod-eu|prod-us)$/.test(f.stack ?? ''));
    expect(inStages.length).toBeGreaterThan(0);
    expect(inStages.every((f) => f.acknowledged && (f.acknowledgedReason ?? '').length > 20)).toBe(true);
  });
});

describe('stack-level acknowledgments are written into the template (any stack, DppChecks writeSuppressionsToCloudFormation)', () => {
  function synthesized(build: (app: App) => Stack, write = true): Record<string, unknown> {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = build(app);
    // Made only for its aspects: the findings of these bare stacks are not the point here.
    new DppChecks(app, { writeSuppressionsToCloudFormation: write });
    return Template.fromStack(stack).toJSON();
  }

  test('on the stack and above it, closest first, beside the template\'s own metadata; resources keep theirs', () => {
    const template = synthesized((app) => {
      Validations.of(app).acknowledge({ id: 'DPP::DPP-3.6-TrailPresent', reason: 'The organization trail covers every account.' });
      const stack = new Stack(app, 'Tooling');
      stack.templateOptions.metadata = { Owner: 'platform' };
      Validations.of(stack).acknowledge({ id: 'DPP::DPP-3.6-TrailPresent', reason: 'Closest: the tooling account is covered by the organization trail.' });
      Validations.of(stack).acknowledge({ id: 'DPP::DPP-3.3-ConfigRecorderPresent', reason: 'Control Tower records configuration in every account.' });
      new CfnTopic(stack, 'Topic');
      return stack;
    });
    expect(template.Metadata).toEqual({
      Owner: 'platform',
      cdk_nag: {
        rules_to_suppress: [
          { id: 'DPP::DPP-3.6-TrailPresent', reason: 'Closest: the tooling account is covered by the organization trail.' },
          { id: 'DPP::DPP-3.3-ConfigRecorderPresent', reason: 'Control Tower records configuration in every account.' },
        ],
      },
    });
    expect((template.Resources as Record<string, { Metadata?: unknown }>).Topic.Metadata).toMatchObject({ cdk_nag: { rules_to_suppress: expect.arrayContaining([expect.objectContaining({ id: 'DPP::DPP-3.3-ConfigRecorderPresent' })]) } });
  });

  test('in a nested stage too (the CDK does not carry an app\'s aspects into its stages)', () => {
    const template = synthesized((app) => {
      const stage = new Stage(app, 'Dev');
      const stack = new Stack(stage, 'Workload');
      Validations.of(stack).acknowledge({ id: 'DPP::DPP-3.6-TrailPresent', reason: 'The organization trail covers every account.' });
      new CfnTopic(stack, 'Topic');
      return stack;
    });
    expect(template.Metadata).toEqual({ cdk_nag: { rules_to_suppress: [{ id: 'DPP::DPP-3.6-TrailPresent', reason: 'The organization trail covers every account.' }] } });
  });

  test('nothing is written without writeSuppressionsToCloudFormation, nor into a stack with no acknowledgment', () => {
    expect(synthesized((app) => {
      const stack = new Stack(app, 'S');
      Validations.of(stack).acknowledge({ id: 'DPP::DPP-3.6-TrailPresent', reason: 'The organization trail covers every account.' });
      new CfnTopic(stack, 'Topic');
      return stack;
    }, false).Metadata).toBeUndefined();
    expect(synthesized((app) => {
      const stack = new Stack(app, 'S');
      new CfnTopic(stack, 'Topic');
      return stack;
    }).Metadata).toBeUndefined();
  });
});
