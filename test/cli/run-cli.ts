import { main } from '../../lib/cli/main';

/** What one in-process run of the CLI printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `dpp ...args` in-process, capturing stdout and stderr. */
export async function dpp(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (sink: string[]) => ((chunk: string | Uint8Array) => {
    sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stdout.write;
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture(out));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture(err));
  try {
    const code = await main(['node', 'dpp', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** A fixture path, relative to the repository root (jest runs there), as a user would type it. */
export function fixture(name: string): string {
  return `test/fixtures/${name}`;
}
