/**
 * `npm run test:package`: the package as a team installs it. Packs this repository with `npm pack`,
 * installs the tarball into a fresh CDK app next to a different version of aws-cdk-lib, and there
 * checks that:
 * - `tsc --noEmit` passes and exactly one aws-cdk-lib is installed (peer dependencies);
 * - a stack with an explicit account and region using SegmentedVpc synthesizes with the CDK CLI,
 *   offline and without credentials, and needs no context lookup;
 * - with `environmentControlsFrom`, the environment rules are reported as provided elsewhere;
 * - a deliberate violation fails the synth, and the installed `dpp check` puts it in SARIF at the
 *   app's own .ts file and line (and a finding inside SegmentedVpc at the app's `new SegmentedVpc`).
 *
 * It installs packages from the npm registry, so it is slow (about a minute with a warm npm cache)
 * and kept out of `npm test`; `.ci/run` runs it after `npm test`. `--keep` leaves the app in place.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
/** A version of aws-cdk-lib other than this repository's (2.276.0), inside the peer range. */
const APP_CDK_VERSION = '2.277.0';
const PINNED = (name: string): string => {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  return lock.packages[`node_modules/${name}`].version as string;
};

let failures = 0;
function check(what: string, ok: boolean, detail = ''): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${detail.split('\n').slice(-15).join('\n     ')}`}`);
  if (!ok) failures++;
}

/** Credentials and AWS configuration removed: nothing may need AWS. */
const OFFLINE_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({ ...process.env, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true', CDK_DISABLE_VERSION_CHECK: '1' })
    .filter(([key]) => !/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE)$/.test(key)),
);

function run(command: string, args: string[], options: SpawnSyncOptions = {}): { code: number; out: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { code: result.status ?? 1, out: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

const STACK = `import { Stack, type StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { EncryptionKeys, SegmentedVpc } from 'dpp-baseline';

export class WorkloadStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { violation?: boolean }) {
    super(scope, id, props);
    const keys = new EncryptionKeys(this, 'Keys', { aliasPrefix: 'workload' });
    new SegmentedVpc(this, 'Network', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], approvedCidrs: ['203.0.113.0/24'], flowLogKey: keys.logs });
    if (props.violation) {
      new s3.Bucket(this, 'Unencrypted', { encryption: s3.BucketEncryption.UNENCRYPTED });
    }
  }
}
`;
const NEW_VPC_LINE = STACK.split('\n').findIndex((l) => l.includes('new SegmentedVpc(')) + 1;
const VIOLATION_LINE = STACK.split('\n').findIndex((l) => l.includes("new s3.Bucket(this, 'Unencrypted'")) + 1;

const APP = `import { App, Tags, Validations } from 'aws-cdk-lib';
import { DppChecks } from 'dpp-baseline';
import { WorkloadStack } from '../lib/workload-stack';

const app = new App();
const stack = new WorkloadStack(app, 'Workload', { env: { account: '123456789012', region: 'eu-west-1' }, violation: app.node.tryGetContext('violation') === 'true' });
Tags.of(stack).add('dpp:environment', 'prod');
Validations.of(app).addPlugins(new DppChecks(app, { environmentControlsFrom: 'DppBaseline-prod', writeSuppressionsToCloudFormation: true }));
app.synth();
`;

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-package-'));
  console.log(`dpp-baseline package test in ${work}`);
  const packed = run('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: ROOT });
  const tarball = path.join(work, packed.out.trim().split('\n').pop() ?? '');
  check('npm pack builds the tarball', packed.code === 0 && fs.existsSync(tarball), packed.out);
  if (failures) return;

  const list = run('tar', ['-tzf', tarball]);
  const files = list.out.trim().split('\n').map((f) => f.replace(/^package\//, ''));
  const stray = files.filter((f) => !/^(dist\/.+\.(js|d\.ts)|docs\/[^/]+\.(md|json)|docs\/workflows\/[^/]+\.yml|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(f));
  check('the tarball carries only dist, user docs, README, LICENSE, CHANGELOG', stray.length === 0 && files.includes('LICENSE'), stray.slice(0, 10).join('\n'));

  const app = path.join(work, 'app');
  fs.mkdirSync(path.join(app, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(app, 'lib'));
  fs.writeFileSync(path.join(app, 'package.json'), `${JSON.stringify({
    name: 'workload-app',
    private: true,
    dependencies: { 'aws-cdk-lib': APP_CDK_VERSION, constructs: PINNED('constructs'), 'cdk-nag': PINNED('cdk-nag'), 'dpp-baseline': `file:${tarball}` },
    devDependencies: { '@types/node': PINNED('@types/node') },
  }, null, 2)}\n`);
  fs.writeFileSync(path.join(app, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], noEmit: true }, include: ['bin', 'lib'] }, null, 2)}\n`);
  fs.writeFileSync(path.join(app, 'cdk.json'), `${JSON.stringify({ app: `${bin('tsx')} bin/app.ts`, notices: false, context: { 'cli-telemetry': false } }, null, 2)}\n`);
  fs.writeFileSync(path.join(app, 'lib', 'workload-stack.ts'), STACK);
  fs.writeFileSync(path.join(app, 'bin', 'app.ts'), APP);

  const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: app });
  check(`npm install of the tarball next to aws-cdk-lib ${APP_CDK_VERSION}`, install.code === 0, install.out);
  if (failures) return;

  const cdkLibs = run('npm', ['ls', 'aws-cdk-lib', '--all', '--parseable'], { cwd: app }).out.trim().split('\n').filter(Boolean);
  const installed = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'aws-cdk-lib', 'package.json'), 'utf8')).version;
  check(`exactly one aws-cdk-lib is installed (${installed})`, cdkLibs.length === 1 && installed === APP_CDK_VERSION, cdkLibs.join('\n'));

  const tsc = run(bin('tsc'), ['--noEmit', '-p', app], { cwd: app });
  check('tsc --noEmit passes in the app', tsc.code === 0, tsc.out);

  const synth = run(bin('cdk'), ['synth', '--quiet'], { cwd: app, env: OFFLINE_ENV });
  const manifest = fs.existsSync(path.join(app, 'cdk.out', 'manifest.json')) ? JSON.parse(fs.readFileSync(path.join(app, 'cdk.out', 'manifest.json'), 'utf8')) : {};
  check('a stack with an explicit account/region using SegmentedVpc synthesizes offline, without credentials', synth.code === 0, synth.out);
  check('nothing is looked up in AWS (no missing context)', manifest.artifacts !== undefined && (manifest.missing ?? []).length === 0, JSON.stringify(manifest.missing));
  const summary = synth.out.split('\n').find((l) => l.startsWith('DPP checks:')) ?? '';
  check('the synth prints one DPP summary line naming the environment controls provided elsewhere', /4 environment controls provided by DppBaseline-prod; report: cdk\.out[/\\]validation-report\.json$/.test(summary), synth.out);

  const bad = run(bin('cdk'), ['synth', '--quiet', '-c', 'violation=true'], { cwd: app, env: OFFLINE_ENV });
  check('a deliberate violation fails the synth, naming the rule and the fix once', bad.code !== 0 && /DPP-3\.4-S3BucketEncrypted/.test(bad.out), bad.out);

  const sarifFile = path.join(work, 'dpp.sarif');
  const dppCheck = run(path.join(app, 'node_modules', '.bin', 'dpp'), ['check', 'cdk.out', '--format', 'sarif', '--output', sarifFile, '--environment-controls-from', 'DppBaseline-prod'], { cwd: app, env: OFFLINE_ENV });
  check('the installed dpp check reports it (exit 1)', dppCheck.code === 1 && fs.existsSync(sarifFile), dppCheck.out);
  if (!fs.existsSync(sarifFile)) return;
  const results = (JSON.parse(fs.readFileSync(sarifFile, 'utf8')).runs[0].results ?? []) as { ruleId: string; suppressions?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations?: { fullyQualifiedName?: string }[] }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  const at = (r: (typeof results)[number]) => `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}`;
  const violation = results.find((r) => r.ruleId === 'DPP-3.4-S3BucketEncrypted');
  check(`SARIF places the violation at the app's own file and line (lib/workload-stack.ts:${VIOLATION_LINE})`, violation !== undefined && at(violation) === `lib/workload-stack.ts:${VIOLATION_LINE}`, violation ? at(violation) : JSON.stringify(results.map(at)));
  check('the template stays as a related location', violation?.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri === 'cdk.out/Workload.template.json');
  // The NAT return entry of the application tier's ACL, acknowledged by SegmentedVpc itself (other findings may sit in the VPC too, e.g. the flow-log group's data-protection warning).
  const insideVpc = results.filter((r) => r.ruleId === 'DPP-2.1-NetworkAclOpenIngress' && r.locations[0].logicalLocations?.[0]?.fullyQualifiedName?.startsWith('Workload/Network/'));
  check(`a finding deep inside SegmentedVpc (its acknowledged NAT return entry) points at the app's new SegmentedVpc (line ${NEW_VPC_LINE})`, insideVpc.length > 0 && insideVpc.every((r) => at(r) === `lib/workload-stack.ts:${NEW_VPC_LINE}` && r.suppressions !== undefined), JSON.stringify(insideVpc.map(at)));
  check('no environment-control rule ran in the workload', !results.some((r) => /Present$|SecurityTopicSubscribed$/.test(r.ruleId)));

  if (!process.argv.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
}

main();
if (failures > 0) {
  console.error(`package test: ${failures} check(s) failed`);
  process.exit(1);
}
console.log('package test: every check passed');
