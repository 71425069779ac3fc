import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileProblemReason } from '../loading/errors';
import { UsageError } from './errors';

/** Removes a temporary file if it was made; where its directory is not one (ENOTDIR) it never was. */
function removeTemporary(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing was written there.
  }
}

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
    removeTemporary(temporary);
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : fileProblemReason(error);
    throw new UsageError(`cannot write ${file}: ${reason}`);
  }
}
