/**
 * Supply chain: no file git tracks, outside `test/` (whose fixtures hold fake credentials on
 * purpose), contains a secret-looking literal: an AWS access key ID, a private key block, or a
 * 40-character secret access key assigned to an `aws_secret_access_key`-like name. The patterns
 * are assembled from pieces so this file holds no such literal itself.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');

const ACCESS_KEY_PREFIXES = ['AK', 'AS'].map((p) => `${p}IA`).join('|');
const DASHES = '-'.repeat(5);

const PATTERNS: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'an AWS access key ID', pattern: new RegExp(`\\b(?:${ACCESS_KEY_PREFIXES})[A-Z0-9]{16}\\b`) },
  { what: 'a private key block', pattern: new RegExp(`${DASHES}BEGIN [A-Z0-9 ]*PRIVATE KEY${DASHES}`) },
  {
    what: 'an AWS secret access key',
    pattern: new RegExp(`(?:aws_?)?secret_?access_?key["']?\\s*[:=]\\s*["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])`, 'i'),
  },
];

/** Paths git tracks, relative to the repository root. Throws a clear error where git cannot list them. */
function trackedFiles(): string[] {
  let out: string;
  try {
    out = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`git ls-files failed in ${REPO}: the secret scan needs a git checkout (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  return out.split('\0').filter((path) => path !== '');
}

/** Every secret-looking literal in one file, as `path:line: what`. Binary files are skipped. */
function secretsIn(path: string): string[] {
  let content: Buffer;
  try {
    content = readFileSync(join(REPO, path));
  } catch {
    return []; // Tracked but deleted in the working tree.
  }
  if (content.subarray(0, 8000).includes(0)) return [];
  return content.toString('utf8').split('\n').flatMap((line, i) =>
    PATTERNS.filter(({ pattern }) => pattern.test(line)).map(({ what }) => `${path}:${i + 1}: ${what}`));
}

describe('no committed secrets', () => {
  test('the patterns find what they are meant to', () => {
    const samples = [
      `${ACCESS_KEY_PREFIXES.slice(0, 4)}${'Q'.repeat(16)}`,
      `${DASHES}BEGIN RSA PRIVATE KEY${DASHES}`,
      `aws_secret_access_key = ${'aB3/'.repeat(10)}`,
    ];
    samples.forEach((sample, i) => expect(PATTERNS[i].pattern.test(sample)).toBe(true));
    expect(PATTERNS.some(({ pattern }) => pattern.test(`secret_access_key_arn = arn:aws:secretsmanager:eu-west-1:111111111111:secret:x`))).toBe(false);
  });

  test('no file tracked outside test/ holds an AWS key or a private key', () => {
    const files = trackedFiles().filter((path) => !path.startsWith('test/'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap(secretsIn)).toEqual([]);
  });
});
