import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App as CdkApp, CfnResource, Stack, Validations, type App, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ACKNOWLEDGMENTS_DOC, acknowledgmentsDocument, collectAcknowledgments, newDefaultApp, packAndRule, type Acknowledgment } from '../../scripts/acknowledgments';

/**
 * The baseline held to standards other than our own: cdk-nag's AwsSolutions and NIST 800-53 R5
 * packs. Each of their errors is either fixed in a construct or acknowledged where the resource
 * is defined, with a reason a reviewer can weigh; `docs/acknowledgments.md` lists them all.
 */

const ROOT = path.join(__dirname, '..', '..');

/**
 * Why a reason is not one, or undefined. An acknowledgment must say, in at least a sentence, why
 * the finding is acceptable here and what mitigates it; that cannot be checked mechanically, but
 * its absence often can. These are necessary conditions, not sufficient ones (the generated
 * document is what reviewers read):
 * - long enough to hold a why and a mitigation: 40 characters and 8 words;
 * - not a stock phrase ("N/A", "false positive", "accepted", …) nor a placeholder (TODO, TBD);
 * - not a restatement that the rule is acknowledged, which explains nothing.
 */
function reasonProblem(reason: string): string | undefined {
  const text = reason.trim();
  if (text === '') return 'is empty';
  if (/^(n\/?a|not needed|not applicable|false positive|ok|okay|fine|acknowledged|accepted|suppressed|ignored?|by design|intended|expected|todo|tbd|fixme|see above)\.?$/i.test(text)) return 'is a stock phrase';
  if (/\b(todo|tbd|fixme|xxx)\b/i.test(text)) return 'holds a placeholder';
  if (/^(this|the)\s+(rule|finding|check|warning|error)\s+(is|was|has been)\s+(acknowledged|suppressed|accepted|ignored|not applicable)\b/i.test(text)) return 'only says the rule is acknowledged';
  if (text.length < 40) return `is ${text.length} characters, too short to say why and what mitigates it`;
  if (text.split(/\s+/).length < 8) return 'is fewer than 8 words';
  return undefined;
}

function errorsOf(report: PolicyValidationPluginReport): string[] {
  return report.violations
    .filter((v) => v.severity === 'error')
    .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} on ${r.constructPath}`));
}

describe('the reason checker', () => {
  test.each(['', '   ', 'N/A', 'n/a.', 'false positive', 'Not needed', 'TODO', 'accepted', 'Suppressed.', 'TBD: ask security',
    'The rule is acknowledged because we decided so.', 'Needed by the application.'])('refuses %j', (reason) => {
    expect(reasonProblem(reason)).toBeDefined();
  });

  test('accepts a reason that says why and what mitigates it', () => {
    expect(reasonProblem('IAM accepts only Resource "*" for these actions; the role holds only them and only CloudFormation can invoke it.')).toBeUndefined();
  });
});

describe('the default app under cdk-nag AwsSolutions and NIST 800-53 R5', () => {
  let app: App;
  let frameworkReport: { pluginReports: Array<{ pluginName: string; violations: Array<{ severity: string; ruleName: string }> }> };
  let acknowledgments: Acknowledgment[];
  let outdir: string;

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-cdk-nag-'));
    app = newDefaultApp(outdir);
    // Registered like a user would: the CDK runs them at synth, beside the DPP pack the app registers.
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
    try {
      app.synth();
    } catch {
      // cdk-nag's packs fail the synth on warnings too (AwsSolutions-VPC3 flags every network ACL,
      // which DPP 2.1 requires); the report below is what counts: it must hold no error.
    }
    frameworkReport = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    acknowledgments = collectAcknowledgments(app);
  });

  test.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['NIST.800.53.R5', () => new NIST80053R5Checks()],
  ])('%s, run on the synthesized tree (validateScope), reports no unacknowledged error', (_name, pack) => {
    expect(errorsOf(pack().validateScope(app))).toEqual([]);
  });

  test('run by the CDK at synth, no pack reports an unacknowledged error (the same bare IDs hold on both paths)', () => {
    const errors = frameworkReport.pluginReports.flatMap((r) => r.violations.filter((v) => v.severity === 'error').map((v) => `${r.pluginName}: ${v.ruleName}`));
    expect(errors).toEqual([]);
  });

  test('cdk-nag packs are acknowledged with bare rule IDs, the only form cdk-nag itself matches', () => {
    // `AwsSolutions::AwsSolutions-X` would hold at synth but not for validateScope (or any tool calling the pack directly).
    const qualified = acknowledgments.filter((a) => a.ruleId.startsWith(`${a.pack}::`) || /^(AwsSolutions|NIST\.800\.53\.R5)::/.test(a.ruleId));
    expect(qualified).toEqual([]);
    expect(packAndRule('Annotation::AwsSolutions-IAM5[Resource::*]')).toEqual({ pack: 'AwsSolutions', ruleId: 'AwsSolutions-IAM5[Resource::*]' });
    expect(packAndRule('DPP::DPP-2.3-ScopedWriteActions')).toEqual({ pack: 'DPP', ruleId: 'DPP-2.3-ScopedWriteActions' });
  });

  test('every acknowledgment in the app (any pack, DPP included) gives a specific reason', () => {
    expect(acknowledgments.length).toBeGreaterThan(0);
    const bad = acknowledgments
      .map((a) => ({ a, problem: reasonProblem(a.reason) }))
      .filter((x) => x.problem !== undefined)
      .map(({ a, problem }) => `${a.ruleId} on ${a.stack}/${a.constructPath}: the reason ${problem}: ${JSON.stringify(a.reason)}`);
    expect(bad).toEqual([]);
  });

  test('every acknowledgment reaches the template metadata of the resources under it (what dpp check and reviewers see)', () => {
    const missing: string[] = [];
    for (const resource of app.node.findAll().filter(CfnResource.isCfnResource)) {
      const written = new Set(((resource.getMetadata('cdk_nag') as { rules_to_suppress?: Array<{ id: string }> } | undefined)?.rules_to_suppress ?? []).map((r) => packAndRule(r.id).ruleId));
      for (const scope of resource.node.scopes) {
        for (const entry of scope.node.metadata) {
          if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
          for (const id of Object.keys(entry.data as object)) if (!written.has(packAndRule(id).ruleId)) missing.push(`${id} on ${resource.node.path}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('every pack error on the synthesized templates has its reason in the template metadata (CDK-internal resources included)', () => {
    // The templates read back as CloudFormation: what a reviewer or a template scanner sees, where
    // CDK's own singletons (the default-security-group provider, AwsCustomResource's function) are
    // ordinary resources and only the recorded metadata explains their findings.
    const unexplained: string[] = [];
    for (const file of fs.readdirSync(outdir).filter((f) => /^DppBaseline-(test|prod)\.template\.json$/.test(f))) {
      const template = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8'));
      const scope = new CdkApp();
      new CfnInclude(new Stack(scope, 'Read'), 'T', { templateFile: path.join(outdir, file) });
      for (const pack of [new AwsSolutionsChecks(), new NIST80053R5Checks()]) {
        for (const violation of pack.validateScope(scope).violations.filter((v) => v.severity === 'error')) {
          for (const resource of violation.violatingResources) {
            const logicalId = (resource.constructPath ?? '').split('/').pop()!;
            const recorded = (template.Resources[logicalId]?.Metadata?.cdk_nag?.rules_to_suppress ?? []) as Array<{ id: string; reason?: string }>;
            if (!recorded.some((r) => packAndRule(r.id).ruleId === violation.ruleName && (r.reason ?? '').trim() !== '')) unexplained.push(`${file}: ${violation.ruleName} on ${logicalId}`);
          }
        }
      }
    }
    expect(unexplained).toEqual([]);
  });

  test(`${ACKNOWLEDGMENTS_DOC} is up to date`, () => {
    const committed = fs.existsSync(path.join(ROOT, ACKNOWLEDGMENTS_DOC)) ? fs.readFileSync(path.join(ROOT, ACKNOWLEDGMENTS_DOC), 'utf8') : '';
    const current = acknowledgmentsDocument(app);
    if (committed !== current) {
      throw new Error(`${ACKNOWLEDGMENTS_DOC} is out of date with the acknowledgments in the code: run \`npm run docs:acknowledgments\` and commit the result.`);
    }
  });
});
