import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The commit of the git work tree holding `where` (a checked file or directory), for report
 * headers; undefined when it is in none or git is not installed. Never fails a report.
 */
export function gitCommit(where: string): string | undefined {
  let directory = path.resolve(where);
  try {
    if (!fs.statSync(directory).isDirectory()) directory = path.dirname(directory);
    const out = execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: directory, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000, encoding: 'utf8' }).trim();
    return /^[0-9a-f]{40,64}$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}
