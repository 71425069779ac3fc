import { colourWanted } from '../../lib/reports/colour';
import { dpp } from './run-cli';

describe('dpp --help', () => {
  test.each([[[]], [['check']], [['rules']], [['report']], [['report', 'coverage']], [['report', 'processing']], [['diff']]])('%j has --help', async (command) => {
    const run = await dpp(...command, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: dpp/);
  });

  test('--version prints the package version', async () => {
    const run = await dpp('--version');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('an unknown command is bad input', async () => {
    const run = await dpp('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

describe('colour', () => {
  test('only on a terminal, and never with NO_COLOR', () => {
    expect(colourWanted({ isTTY: true }, {})).toBe(true);
    expect(colourWanted({ isTTY: false }, {})).toBe(false);
    expect(colourWanted({}, {})).toBe(false);
    expect(colourWanted({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
  });
});
