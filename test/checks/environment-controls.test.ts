import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Tags, Validations } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DppChecks } from '../../lib/checks/nag-pack';
import { dppRuleSet } from '../../lib/checks/rules';
import type { StackTemplate } from '../../lib/checks/template';
import { check, template } from '../helpers/check';

const CONTROLS = ['DPP-2.4-AccountPasswordPolicyPresent', 'DPP-2.7-SecurityTopicSubscribed', 'DPP-3.3-ConfigRecorderPresent', 'DPP-3.6-TrailPresent'];
const controls = () => dppRuleSet().environmentControls;
const stack = (id: string, tags: unknown[] = []): StackTemplate => ({ id, stackName: id, template: template({ Topic: { Type: 'AWS::SNS::Topic', Properties: { Tags: tags } } }, { Parameters: { Env: { Type: 'String' } } }) });

describe('environment controls (the account-wide controls each environment\'s baseline deploys)', () => {
  test('are the trail, Config recorder, security topic and password policy rules', () => {
    expect(controls().map((r) => r.id).sort()).toEqual(CONTROLS);
    expect(dppRuleSet().withoutEnvironmentControls().rules.map((r) => r.id)).toEqual(expect.not.arrayContaining(CONTROLS));
  });

  test('a stack tagged with no dpp:environment has nothing to check: one warning per rule on each such stack, never a silent pass', () => {
    const findings = check([stack('Api'), stack('Jobs')], controls());
    const order = (id: string) => dppRuleSet().rules.findIndex((r) => r.id === id);
    expect(findings.map((f) => [f.ruleId, f.level, f.templateId])).toEqual(
      CONTROLS.flatMap((id) => [[id, 'warning', 'Api'], [id, 'warning', 'Jobs']]).sort((a, b) => order(a[0]) - order(b[0])),
    );
    expect(findings.every((f) => f.message.startsWith('environment controls not checked: the stack is not tagged dpp:environment'))).toBe(true);
  });

  test('decided per stack (streaming dpp check checks an untagged stack alone): an untagged stack beside a tagged one still warns', () => {
    const alone = check([stack('Jobs')], controls()).filter((f) => f.templateId === 'Jobs');
    const beside = check([stack('Api', [{ Key: 'dpp:environment', Value: 'prod' }]), stack('Jobs')], controls()).filter((f) => f.templateId === 'Jobs');
    expect(beside).toEqual(alone);
    expect(alone).toHaveLength(CONTROLS.length);
  });

  test('a stack whose environment is an intrinsic gets the cannot-be-verified warning, not "not checked"', () => {
    const findings = check([stack('Api', [{ Key: 'dpp:environment', Value: { Ref: 'Env' } }])], controls());
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.level === 'warning' && f.message.startsWith('cannot be verified at synth time: Tags.dpp:environment'))).toBe(true);
  });
});

describe('DppChecks environmentControlsFrom (a workload app whose account runs the baseline)', () => {
  function workload(props: ConstructorParameters<typeof DppChecks>[1], tag?: string) {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-workload-')), builtinCloudFormationValidation: false });
    const api = new Stack(app, 'Api', { env: { account: '111111111111', region: 'eu-west-1' } });
    new sns.Topic(api, 'Events', { enforceSSL: true });
    if (tag) Tags.of(api).add('dpp:environment', tag);
    const pack = new DppChecks(app, { printSummary: false, ...props });
    Validations.of(app).addPlugins(pack);
    app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8')).pluginReports.find((r: { pluginName: string }) => r.pluginName === 'DPP');
    return { pack, ruleNames: ((report?.violations ?? []) as { ruleName: string }[]).map((v) => v.ruleName) };
  }

  test('reports the environment rules as provided elsewhere: not run, never passed, named in the summary', () => {
    const { pack, ruleNames } = workload({ environmentControlsFrom: 'DppBaseline-prod' }, 'prod');
    expect(ruleNames).toEqual(expect.not.arrayContaining(CONTROLS));
    expect(pack.providedElsewhere.map((r) => r.id).sort()).toEqual(CONTROLS);
    expect(pack.summary).toMatchObject({ rules: dppRuleSet().rules.length - CONTROLS.length, providedElsewhere: expect.arrayContaining(CONTROLS) });
    expect(pack.ruleIds).toEqual(expect.not.arrayContaining(CONTROLS));
  });

  test('without it, a tagged workload stack fails on controls that live in the baseline, and an untagged one warns "not checked"', () => {
    expect(() => workload({}, 'prod')).toThrow(/DPP-3\.6-TrailPresent[^\n]*environment prod has no CloudTrail trail/);
    expect(workload({}).ruleNames).toEqual(expect.arrayContaining(CONTROLS));
  });

  test.each(['', '   '])('an empty name (%p) is rejected when the pack is created', (name) => {
    expect(() => new DppChecks(undefined, { environmentControlsFrom: name })).toThrow('DppChecks: environmentControlsFrom must name where the environment controls are deployed');
  });
});
