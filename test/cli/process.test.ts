import { spawnSync } from 'node:child_process';

/** Runs the real entry point in a child process (tsx on Node 20: `node --import tsx`). Kept few: each costs a Node start. */
function spawnDpp(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bin/dpp.ts', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the dpp process', () => {
  test('exit 1 on findings, 0 when clean', () => {
    expect(spawnDpp('check', 'test/fixtures/templates/unencrypted-database.yaml').code).toBe(1);
    expect(spawnDpp('check', 'test/fixtures/templates/no-rule-applies.yaml').code).toBe(0);
  });

  test('exit 2 with one line on stderr and no stack trace', () => {
    const run = spawnDpp('check', 'test/fixtures/templates/unparsable.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dpp: test/fixtures/templates/unparsable.json:5: invalid JSON: Expected double-quoted property name\n');
    expect(run.stdout).toBe('');
  });
});
