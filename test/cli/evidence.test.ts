import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32 } from '../../lib/evidence/zip';
import type { Manifest } from '../../lib/evidence/pack';
import { sha256 } from '../../lib/evidence/pack';
import { dpp, fixture } from './run-cli';

const FAILING = fixture('templates/unencrypted-database.yaml');
const CLEAN = fixture('templates/no-rule-applies.yaml');
const REVIEW = fixture('evidence/access-review.json');

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dpp-evidence-cli-'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Everything under a directory, as relative paths. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile()).sort();
}

describe('dpp evidence', () => {
  test('writes the folder; the manifest verifies every file on disk; exit 1 on unacknowledged errors', async () => {
    const out = path.join(work, 'pack');
    const run = await dpp('evidence', FAILING, '--access-review', REVIEW, '--output', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^dpp evidence: wrote .*pack \(16 files\): 1 template, \d+ unacknowledged errors, \d+ warnings, 0 acknowledged\n$/);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(tree(out)).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].map((p) => p.split('/').join(path.sep)).sort());
    for (const entry of manifest.files) expect(sha256(fs.readFileSync(path.join(out, entry.path), 'utf8'))).toBe(entry.sha256);
    // The date, version and commit of this run.
    expect(Date.parse(manifest.generatedAt)).not.toBeNaN();
    expect(manifest.commit === null || /^[0-9a-f]{40,64}$/.test(manifest.commit)).toBe(true);
    expect(fs.readdirSync(work)).toEqual(['pack']);
  });

  test('exit 0 with no unacknowledged error; an empty folder may be filled', async () => {
    const out = path.join(work, 'empty');
    fs.mkdirSync(out);
    const run = await dpp('evidence', CLEAN, '-o', out);
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  test('--zip: one archive that unzip verifies, holding the same files and hashes', async () => {
    const out = path.join(work, 'pack.zip');
    const run = await dpp('evidence', FAILING, '--zip', '--output', out);
    expect(run.code).toBe(1);
    expect(fs.readdirSync(work)).toEqual(['pack.zip']);
    const test = execFileSync('unzip', ['-t', out], { encoding: 'utf8' });
    expect(test).toContain('No errors detected');
    const manifest = JSON.parse(execFileSync('unzip', ['-p', out, 'manifest.json'], { encoding: 'utf8' })) as Manifest;
    for (const entry of manifest.files) {
      expect(sha256(execFileSync('unzip', ['-p', out, entry.path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }))).toBe(entry.sha256);
    }
    // The IEEE CRC-32 check value.
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  describe('bad input: one line, exit 2, nothing written', () => {
    const cases: Array<[string, (out: string) => string[], RegExp]> = [
      ['a missing template', (out) => ['evidence', fixture('templates/nope.yaml'), '-o', out], /^dpp: .*nope\.yaml: no such file or directory\n$/],
      ['an unparsable template', (out) => ['evidence', fixture('templates/unparsable.yaml'), '-o', out], /^dpp: .*unparsable\.yaml.*\n$/],
      ['an access review that is not JSON', (out) => ['evidence', CLEAN, '--access-review', FAILING, '-o', out], /^dpp: .*unencrypted-database\.yaml: not JSON \(.*\); --access-review takes the output of dpp audit --format json\n$/],
      ['an access review of the wrong shape', (out) => ['evidence', CLEAN, '--access-review', fixture('templates/unencrypted-database.json'), '-o', out], /^dpp: .*unencrypted-database\.json: not a dpp audit --format json report \(version 1\): version: .*\n$/],
      ['a missing access review', (out) => ['evidence', CLEAN, '--access-review', path.join(work, 'none.json'), '-o', out], /^dpp: .*none\.json: no such file or directory\n$/],
      ['an output folder whose parent is missing', (out) => ['evidence', CLEAN, '-o', path.join(out, 'deeper')], /^dpp: --output .*deeper: cannot write there: no such directory\n$/],
      ['no --output', () => ['evidence', CLEAN], /^error: required option '-o, --output <dir>' not specified\n$/],
    ];
    test.each(cases)('%s', async (_name, args, message) => {
      const out = path.join(work, 'pack');
      const run = await dpp(...args(out));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
      expect(fs.readdirSync(work)).toEqual([]);
    });

    test('an existing pack is never written over', async () => {
      const out = path.join(work, 'pack');
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, 'index.html'), 'the earlier pack');
      const run = await dpp('evidence', CLEAN, '-o', out);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^dpp: --output .*pack: already exists; an evidence pack is never written over another file or folder \(choose a new name\)\n$/);
      expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the earlier pack');
      expect(fs.readdirSync(work)).toEqual(['pack']);
    });

    test('--zip onto an existing file', async () => {
      const out = path.join(work, 'pack.zip');
      fs.writeFileSync(out, 'x');
      const run = await dpp('evidence', CLEAN, '--zip', '-o', out);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/already exists/);
      expect(fs.readFileSync(out, 'utf8')).toBe('x');
    });
  });
});
