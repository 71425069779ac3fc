/**
 * Hostile inputs to `dpp check` (issue 9): each ends in exit 2 with one line on stderr and nothing
 * on stdout — no hang, no stack trace, no crash — or, for valid but extreme input, in a checked
 * report (exit 0/1). Fixtures are generated in a temporary directory.
 *
 * Covered elsewhere, and not repeated here:
 * - test/loading/parse-template.test.ts: NUL-byte and non-UTF-8 files, directories, missing files,
 *   the size limit, 10,000 levels of JSON and YAML flow nesting and 3,000 of block mappings, an
 *   alias bomb, duplicate YAML keys, non-mapping documents, `Resources` not a map, empty files
 *   (all at the parser level);
 * - test/loading/load-paths.test.ts: a directory with a link loop and a dangling link, directories
 *   without templates, bad manifests (at the loader level);
 * - test/cli/check.test.ts: a missing file, unparsable YAML and JSON, not a template, an unknown
 *   flag, `--format xml`, no path, an empty directory, an unreadable file, `--output` into a
 *   missing directory;
 * - test/cli/process.test.ts: the real process prints one line and exits 2.
 *
 * Most cases run in-process (`main()`); a child process is spawned where the process boundary
 * matters: a FIFO or a device (a hang would freeze the test worker), deep nesting (a stack
 * overflow kills the process), and the 20,000-resource template (time and memory of a real run).
 * Children run with a 256 MiB heap and a spawn timeout: running out of either fails the test.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dppRuleSet } from '../../lib/checks/rules';
import { dpp, type CliRun } from './run-cli';

const root = path.join(__dirname, '..', '..');
const TIMEOUT_MS = 20_000;

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-hostile-'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a fixture file in the temporary directory and returns its path. */
function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A directory of the temporary directory, created empty. */
function directory(name: string): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

function fifo(name: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo ${file} failed: ${String(made.stderr)}`);
  return file;
}

/** Bytes that stay the same from run to run (a linear congruential sequence). */
function pseudoRandomBytes(length: number, avoidNul = false): Buffer {
  const bytes = Buffer.alloc(length);
  let seed = 42;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = avoidNul ? 1 + (seed % 255) : seed & 0xff;
  }
  return bytes;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DEEP = 10_000;
const PROPERTIES = 'Resources:\n  A:\n    Type: X::Y\n    Properties:\n';

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings once expanded. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n${PROPERTIES}      P: *i\n`;
}

/** `depth` block mappings, each one more space in: the text grows with the square of the depth. */
function blockMappings(depth: number): string {
  const lines = [PROPERTIES.trimEnd()];
  for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(6 + i)}k:`);
  return `${lines.join('\n')}\n`;
}

/** The one-line contract of bad input: exit 2, a single `dpp: <file>: …` line, nothing on stdout. */
function expectRefused(run: { code: number | null; stdout: string; stderr: string }, file: string, reason: RegExp): void {
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.startsWith(`dpp: ${file}`)).toBe(true);
  expect(run.stderr).toMatch(reason);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('dpp check refuses hostile files with one line and exit 2 (in-process)', () => {
  const cases: ReadonlyArray<[string, () => string, RegExp]> = [
    ['random bytes', () => write('random.json', pseudoRandomBytes(4096)), /: a binary file, not a CloudFormation template$/m],
    ['a PNG file named .yaml', () => write('image.yaml', Buffer.concat([PNG_SIGNATURE, pseudoRandomBytes(1024)])), /: a binary file, not a CloudFormation template$/m],
    ['a PNG signature followed by bytes without NUL (not UTF-8)', () => write('image2.yaml', Buffer.concat([PNG_SIGNATURE.subarray(0, 4), pseudoRandomBytes(1024, true)])), /: not UTF-8 text; not a CloudFormation template$/m],
    ['a UTF-16 template', () => write('utf16.json', Buffer.from('\ufeff{"Resources": {}}', 'utf16le')), /: a binary file, not a CloudFormation template$/m],
    ['truncated YAML', () => write('truncated.yaml', `${PROPERTIES}      Tags: [{Key: a, Value: "b`), /:\d+: invalid YAML: /],
    ['truncated JSON', () => write('truncated.json', '{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": ['), /: invalid JSON: /],
    ['JSON that is a list', () => write('list.json', '[1,2]'), /: not a CloudFormation template \(the document is not a mapping\)$/m],
    ['JSON without Resources', () => write('foo.json', '{"foo":1}'), /: not a CloudFormation template \(no Resources map\)$/m],
    ['JSON whose Resources is a list', () => write('resources-list.json', '{"Resources":[]}'), /: not a CloudFormation template \(no Resources map\)$/m],
    ['JSON whose Resources is null', () => write('resources-null.json', '{"Resources":null}'), /: not a CloudFormation template \(no Resources map\)$/m],
    ['a JSON number', () => write('number.json', '42'), /: not a CloudFormation template \(the document is not a mapping\)$/m],
    ['a YAML scalar', () => write('scalar.yaml', 'just a string\n'), /: not a CloudFormation template \(the document is not a mapping\)$/m],
    ['an empty file', () => write('empty.yaml', ''), /: empty file; not a CloudFormation template$/m],
    ['a file of whitespace', () => write('blank.yaml', '  \n\t\n\n'), /: empty file; not a CloudFormation template$/m],
    ['a file holding only a byte-order mark', () => write('bom.json', '\ufeff'), /: empty file; not a CloudFormation template$/m],
    ['a YAML alias bomb (billion laughs)', () => write('laughs.yaml', billionLaughs()), /: invalid YAML: .*alias/i],
    ['a YAML anchor used 500 times', () => write('aliases.yaml', `x: &x {a: 1}\n${PROPERTIES}${Array.from({ length: 500 }, (_, i) => `      k${i}: *x\n`).join('')}`), /: invalid YAML: .*alias/i],
    ['a YAML alias inside its own anchor (a cycle)', () => write('cycle.yaml', 'Resources: &r\n  A: *r\n'), /: (nested more than \d+ levels deep|invalid YAML)/],
    ['several YAML documents', () => write('documents.yaml', 'Resources:\n  A: {Type: X::Y}\n---\nResources:\n  B: {Type: X::Y}\n'), /:\d+: invalid YAML: .*multiple documents/],
    ['a YAML tag CloudFormation does not know', () => write('js.yaml', `${PROPERTIES}      P: !!js/function "function(){}"\n`), /:\d+: invalid YAML: Unresolved tag/],
    ['a symbolic link to itself', () => {
      const link = path.join(dir, 'self.json');
      fs.symlinkSync(link, link);
      return link;
    }, /: too many levels of symbolic links$/m],
    ['a directory of files that are not templates', () => {
      const d = directory('not-templates');
      write('not-templates/package.json', '{"name": "x"}');
      write('not-templates/README.md', '# x');
      write('not-templates/tsconfig.json', '{"compilerOptions": {}}');
      return d;
    }, /: no CloudFormation templates \(\.json, \.yaml, \.yml, \.template\) in this directory$/m],
    ['a cloud assembly whose manifest is not JSON', () => {
      const d = directory('bad-assembly');
      write('bad-assembly/manifest.json', '{"artifacts": ');
      return d;
    }, /manifest\.json: invalid JSON: /],
    ['a cloud assembly whose manifest names itself as a nested assembly', () => {
      const d = directory('self-assembly');
      write('self-assembly/manifest.json', JSON.stringify({ artifacts: { N: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } } } }));
      return d;
    }, /: the cloud assembly has no stack templates$/m],
    ['a path that does not exist', () => path.join(dir, 'nowhere', 'cdk.out'), /: no such file or directory$/m],
  ];

  test.each(cases)('%s', async (_name, make, reason) => {
    const file = make();
    const out = path.join(dir, 'report.json');
    const run = await dpp('check', file, '--format', 'json', '--output', out);
    expectRefused(run, file, reason);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('dpp check with bad options leaves nothing behind (in-process)', () => {
  const template = () => write('ok.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
  /** Everything in the temporary directory, to show a failed run wrote nothing. */
  const listing = () => fs.readdirSync(dir, { recursive: true }).map(String).sort();

  function expectUsageError(run: CliRun, message: RegExp): void {
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  }

  test('--fail-on with an unknown level', async () => {
    expectUsageError(await dpp('check', template(), '--fail-on', 'bogus'), /^error: option '--fail-on <level>' argument 'bogus' is invalid/);
  });

  test('--output whose parent is a file', async () => {
    const file = template();
    const before = listing();
    expectUsageError(await dpp('check', file, '--output', path.join(file, 'report.txt')), /^dpp: cannot write .*report\.txt: a part of the path is not a directory$/);
    expect(listing()).toEqual(before);
  });

  test('--output naming a directory', async () => {
    const file = template();
    const target = directory('existing-directory');
    const before = listing();
    expectUsageError(await dpp('check', file, '--output', target), /^dpp: cannot write .*existing-directory: is a directory$/);
    expect(listing()).toEqual(before);
  });
});

describe('dpp check on a directory with symbolic link loops (in-process)', () => {
  test('checks the one real template once, notes the unreadable link, and ends', async () => {
    const d = directory('loops');
    write('loops/sub/topic.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    fs.symlinkSync('..', path.join(d, 'sub', 'up'));
    fs.symlinkSync(d, path.join(d, 'sub', 'root'));
    fs.symlinkSync('b', path.join(d, 'a'));
    fs.symlinkSync('a', path.join(d, 'b'));
    const run = await dpp('check', d, '--environment-controls-from', 'DppBaseline-prod');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${path.join(d, 'sub', 'topic.yaml')}\n`);
    expect(run.stdout).toContain(`note: ${path.join(d, 'a')}: skipped: too many levels of symbolic links`);
    expect(run.stdout).toMatch(/^1 template, 1 resource checked against \d+ DPP rules: 1 error, 0 warnings, 0 acknowledged$/m);
    expect(run.stderr).toBe('');
  });
});

/** Runs the real entry point with a bounded heap and a timeout; a hang or a crash fails the caller's assertions. */
function spawnDpp(...args: string[]) {
  const run = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', path.join(root, 'bin', 'dpp.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, timedOut: (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT', signal: run.signal };
}

describe('dpp check refuses what would hang or overflow a process (spawned)', () => {
  const cases: ReadonlyArray<[string, () => string, RegExp]> = [
    ['a FIFO given as a template (reading it would wait for a writer for ever)', () => fifo('pipe.yaml'), /: not a regular file \(a FIFO\)$/m],
    ['a device that never ends (/dev/zero)', () => '/dev/zero', /: not a regular file \(a device\)$/m],
    ['a cloud assembly whose manifest.json is a FIFO', () => {
      const d = directory('fifo-manifest');
      fifo('fifo-manifest/manifest.json');
      return d;
    }, /manifest\.json: not a regular file \(a FIFO\)$/m],
    ['a cloud assembly naming a FIFO as a stack template', () => {
      const d = directory('fifo-template');
      write('fifo-template/manifest.json', JSON.stringify({ artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } } }));
      fifo('fifo-template/S.template.json');
      return d;
    }, /S\.template\.json: not a regular file \(a FIFO\)$/m],
    ['10,000 levels of JSON lists inside a template', () => write('deep.json', `{"Resources": {"A": {"Type": "X::Y", "Properties": {"P": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}}}}`), /: nested more than \d+ levels deep/],
    ['10,000 levels of JSON objects', () => write('deep-objects.json', `{"Resources": {"A": {"Type": "X::Y", "Properties": ${'{"a": '.repeat(DEEP)}1${'}'.repeat(DEEP)}}}}`), /: nested more than \d+ levels deep/],
    ['a JSON document of 10,000 nested lists', () => write('deep-list.json', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`), /: (invalid YAML: nested too deeply|nested more than|not a CloudFormation template)/],
    ['10,000 levels of YAML flow sequences', () => write('deep-flow.yaml', `${PROPERTIES}      P: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`), /:\d+: invalid YAML: nested too deeply$/m],
    ['10,000 levels of YAML flow mappings', () => write('deep-flow-map.yaml', `${PROPERTIES}      P: ${'{a: '.repeat(DEEP)}1${'}'.repeat(DEEP)}\n`), /:\d+: invalid YAML: nested too deeply$/m],
    ['10,000 levels of compact YAML block sequences (- - - …)', () => write('deep-block-seq.yaml', `${PROPERTIES}      P:\n        ${'- '.repeat(DEEP)}x\n`), /:\d+: invalid YAML: nested too deeply$/m],
    ['4,000 levels of YAML block mappings (8 MB)', () => write('deep-block-4k.yaml', blockMappings(4_000)), /: (invalid YAML: nested too deeply|nested more than)/],
    ['10,000 levels of YAML block mappings (50 MB: over the size limit)', () => write('deep-block-10k.yaml', blockMappings(DEEP)), /: \d+ bytes is over the \d+ MiB limit for a template/],
  ];

  test.each(cases)('%s', (_name, make, reason) => {
    const file = make();
    const run = spawnDpp('check', file);
    expect({ timedOut: run.timedOut, signal: run.signal }).toEqual({ timedOut: false, signal: null });
    expectRefused(run, file, reason);
  });
});

// ---------------------------------------------------------------------------------------------
// A valid template of 20,000 resources, ten kinds cross-referencing each other; every 1,000th
// security group opens SSH to the world, so the run must report exactly those 20 errors (plus
// the two environment-level ones a lone template without a security topic or Config recorder has).

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const tags = (classification: string) => [
  { Key: 'dpp:data-origin', Value: 'internal' },
  { Key: 'dpp:classification', Value: classification },
  { Key: 'dpp:environment', Value: 'test' },
];
const document = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });

/** One resource of each kind per block of ten; `i` is its position, references point back into the same block. */
const KINDS: ReadonlyArray<(i: number) => Resources> = [
  (i) => ({ [`Key${i}`]: { Type: 'AWS::KMS::Key', Properties: {
    EnableKeyRotation: true,
    KeyPolicy: document({ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' }),
  } } }),
  (i) => ({ [`Bucket${i}`]: { Type: 'AWS::S3::Bucket', Properties: {
    BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arn(`Key${i - 1}`) } }] },
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    Tags: tags('internal'),
  } } }),
  (i) => ({ [`BucketPolicy${i}`]: { Type: 'AWS::S3::BucketPolicy', Properties: {
    Bucket: { Ref: `Bucket${i - 1}` },
    PolicyDocument: document({
      Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*',
      Resource: [arn(`Bucket${i - 1}`), { 'Fn::Join': ['', [arn(`Bucket${i - 1}`), '/*']] }],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
  } } }),
  (i) => ({ [`Logs${i}`]: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365, KmsKeyId: arn(`Key${i - 3}`), Tags: tags('confidential') } } }),
  (i) => ({ [`Role${i}`]: { Type: 'AWS::IAM::Role', Properties: {
    AssumeRolePolicyDocument: document({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  } } }),
  (i) => ({ [`Policy${i}`]: { Type: 'AWS::IAM::Policy', Properties: {
    PolicyName: `policy-${i}`,
    Roles: [{ Ref: `Role${i - 1}` }],
    PolicyDocument: document({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: { 'Fn::Join': ['', [arn(`Bucket${i - 4}`), '/*']] } }),
  } } }),
  (i) => ({ [`Function${i}`]: { Type: 'AWS::Lambda::Function', Properties: {
    Role: arn(`Role${i - 2}`), Runtime: 'nodejs22.x', Handler: 'index.handler', Code: { ZipFile: 'exports.handler = async () => 1;' },
    Environment: { Variables: { BUCKET: { Ref: `Bucket${i - 5}` }, LOG_GROUP: { Ref: `Logs${i - 3}` } } },
  } } }),
  (i) => ({ [`SecurityGroup${i}`]: { Type: 'AWS::EC2::SecurityGroup', Properties: {
    GroupDescription: `group ${i}`, VpcId: 'vpc-12345678',
    SecurityGroupIngress: [
      { CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 },
      { CidrIp: i % 1000 === 7 ? '0.0.0.0/0' : '10.1.0.0/16', IpProtocol: 'tcp', FromPort: 22, ToPort: 22 },
    ],
  } } }),
  (i) => ({ [`Table${i}`]: { Type: 'AWS::DynamoDB::Table', Properties: {
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST',
    SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: `Key${i - 8}` } }, Tags: tags('internal'),
  } } }),
  (i) => ({ [`Custom${i}`]: { Type: 'Custom::Thing', Properties: {
    ServiceToken: arn(`Function${i - 3}`), Table: { Ref: `Table${i - 1}` }, Nested: { list: [{ 'Fn::Sub': `\${Bucket${i - 8}}` }] },
  } } }),
];

function largeTemplate(count: number): string {
  const resources: Resources = {};
  for (let i = 0; i < count; i++) Object.assign(resources, KINDS[i % KINDS.length](i));
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 1);
}

describe('a valid template of 20,000 resources (spawned)', () => {
  test('is checked in full, with exit 1 and its summary, within the timeout and a 256 MiB heap', () => {
    const file = write('large.json', largeTemplate(20_000));
    const run = spawnDpp('check', file);
    expect({ timedOut: run.timedOut, signal: run.signal, code: run.code, stderr: run.stderr }).toEqual({ timedOut: false, signal: null, code: 1, stderr: '' });
    const summary = run.stdout.trimEnd().split('\n').pop();
    // The 20 planted open-SSH groups, plus the app rules of a tagged environment with no Config
    // recorder, security topic or trail (errors) and no password-policy resource (a warning), and
    // one DPP 3.6 warning per log group (2,000): no data-protection policy masks PII in them.
    expect(summary).toBe(`1 template, 20000 resources checked against ${dppRuleSet().rules.length} DPP rules: 23 errors, 2001 warnings, 0 acknowledged`);
    expect(run.stdout.match(/error DPP-2\.1-SecurityGroupNoOpenIngress/g)).toHaveLength(20);
  });
});
