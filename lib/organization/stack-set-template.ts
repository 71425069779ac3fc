import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, DefaultStackSynthesizer, Validations, type Stack, type StackSynthesizer } from 'aws-cdk-lib';
import { DppChecks, formatDppSummary } from '../checks/nag-pack';
import { dppRuleSet } from '../checks/rules';
import { withoutRepeatedStackAcknowledgments } from '../checks/stack-acknowledgments';
import type { PolicyProfile } from '../policy/profile';

/**
 * What a StackSet's template may be, kept as data with its source (unit-tested):
 * CreateStackSet `TemplateBody` is 1 to 51,200 bytes, `StackSetName` alphanumerics and hyphens,
 * starting with a letter, at most 128 characters
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStackSet.html).
 */
export const STACK_SET_LIMITS = { maxTemplateBodyBytes: 51_200, maxStackSetNameLength: 128, stackSetName: /^[A-Za-z][A-Za-z0-9-]{0,127}$/ } as const;

/** The marks of a CDK asset in a template: the bootstrap asset bucket's name, or its parameter in legacy synthesis. */
const ASSET_MARKS = [/cdk-[a-z0-9]+-assets-/, /AssetParameters/];

type TemplateResources = Record<string, { Type?: string; Properties?: Record<string, unknown> }>;

/**
 * The resources of a template that need code or files from somewhere a StackSet instance cannot
 * read: a Lambda function or layer whose code is in S3 (only inline `ZipFile` code travels with the
 * template), or any resource or output naming the CDK asset bucket. Pure, so it is tested on its own.
 */
export function assetReferences(template: { Resources?: TemplateResources; Outputs?: Record<string, unknown> }): string[] {
  const found: string[] = [];
  for (const [logicalId, resource] of Object.entries({ ...template.Resources, ...template.Outputs } as TemplateResources)) {
    const code = (resource.Properties?.Code ?? resource.Properties?.Content) as { S3Bucket?: unknown } | undefined;
    const inS3 = (resource.Type === 'AWS::Lambda::Function' || resource.Type === 'AWS::Lambda::LayerVersion') && code?.S3Bucket !== undefined;
    const json = JSON.stringify(resource);
    if (inS3 || ASSET_MARKS.some((mark) => mark.test(json))) found.push(logicalId);
  }
  return found;
}

/**
 * The assets a stack's asset manifest lists besides its own template (which the CDK publishes as a
 * file asset too): what `cdk deploy` would upload to the administrator account's bucket. An asset
 * no resource references yet still has to go.
 */
function extraAssets(outdir: string, artifactId: string, templateFile: string): string[] {
  const manifest = path.join(outdir, `${artifactId}.assets.json`);
  if (!fs.existsSync(manifest)) return [];
  const { files = {}, dockerImages = {} } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { files?: Record<string, { source?: { path?: string } }>; dockerImages?: Record<string, unknown> };
  return [...Object.entries(files).filter(([, f]) => f.source?.path !== templateFile).map(([id]) => id), ...Object.keys(dockerImages)];
}

/**
 * The template of a StackSet's stack, synthesized in an app of its own (so its stack is not one of
 * the main app's) into a temporary directory that is removed after. `build` adds the stack to the
 * app with the synthesizer given (no bootstrap version rule: the organization's accounts need not
 * be CDK-bootstrapped). The DPP pack checks it at synth and writes its acknowledgments into it, for
 * `dpp check`.
 * @throws Error naming the stack when the DPP pack fails the template, when it needs assets (a
 * StackSet instance could not reach them) or when it exceeds the StackSet body limit.
 */
export function stackSetTemplate(policy: PolicyProfile, build: (app: App, synthesizer: StackSynthesizer) => Stack): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-stack-set-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = build(app, new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }));
    // Its own summary line, naming the body: the report file goes with the temporary directory.
    const checks = new DppChecks(app, { writeSuppressionsToCloudFormation: true, profile: policy, printSummary: false });
    Validations.of(app).addPlugins(checks);
    const name = stack.node.id;
    let assembly;
    try {
      assembly = app.synth();
    } catch (error) {
      // The CDK has printed the findings; its report file goes with the temporary directory.
      throw new Error(`${name}: the StackSet template fails the DPP checks (findings above): ${(error as Error).message.split('.')[0]}`);
    }
    const artifact = assembly.getStackArtifact(stack.artifactId);
    if (checks.summary) console.error(formatDppSummary({ ...checks.summary, reportPath: undefined }).replace(/^DPP checks:/, `DPP checks of the StackSet body ${name}:`));
    const referencing = [...assetReferences(artifact.template as Parameters<typeof assetReferences>[0]), ...extraAssets(outdir, artifact.id, artifact.templateFile)];
    if (referencing.length > 0) {
      throw new Error(`${name}: a StackSet template cannot use CDK assets, which its instances in other accounts cannot read (${referencing.join(', ')})`);
    }
    // The stack-level acknowledgments are in the template's Metadata: their copies on each resource only cost bytes.
    const appRuleIds = new Set(dppRuleSet(policy).appRules.map((r) => r.id));
    const body = JSON.stringify(withoutRepeatedStackAcknowledgments(artifact.template as Parameters<typeof withoutRepeatedStackAcknowledgments>[0], appRuleIds));
    const bytes = Buffer.byteLength(body);
    if (bytes > STACK_SET_LIMITS.maxTemplateBodyBytes) throw new Error(`${name}: the template is ${bytes} bytes, above the StackSet TemplateBody limit of ${STACK_SET_LIMITS.maxTemplateBodyBytes}`);
    return body;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
