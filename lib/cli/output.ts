import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './errors';

/**
 * Writes a report to `file`, or to stdout when no file is given. A file is written to a temporary
 * name beside it and renamed into place, so a failed run never leaves half a report behind.
 */
export function writeOutput(text: string, file?: string): void {
  if (!file) {
    process.stdout.write(text);
    return;
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (error as Error).message.split('\n')[0];
    throw new UsageError(`cannot write ${file}: ${reason}`);
  }
}
