import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
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
    throw cannotWrite(file, error);
  }
}

function cannotWrite(file: string, error: unknown): UsageError {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : fileProblemReason(error);
  return new UsageError(`cannot write ${file}: ${reason}`);
}

/** Bytes copied at a time from the spool into the report. */
const COPY_CHUNK = 1 << 20;

/**
 * A report written as it is produced, without holding it: the body goes to a spool file, and
 * `finish` writes the head (known only at the end: counts, notices), the body and the tail to a
 * temporary file renamed onto `file`, or to stdout. On error `abort` removes everything, so a
 * failed run leaves no half report behind, on disk or on stdout.
 */
export class StreamedOutput {
  private readonly spool: string;
  private readonly fd: number;

  /**
   * @param file where the report goes; stdout when undefined
   * @param chunkBytes bytes copied at a time from the spool (tests make it tiny)
   */
  constructor(
    private readonly file?: string,
    private readonly chunkBytes: number = COPY_CHUNK,
  ) {
    const directory = file ? path.dirname(file) : os.tmpdir();
    this.spool = path.join(directory, `.${file ? path.basename(file) : 'dpp-report'}.${process.pid}.${Date.now()}.body.tmp`);
    try {
      this.fd = fs.openSync(this.spool, 'wx', 0o600);
    } catch (error) {
      throw cannotWrite(file ?? this.spool, error);
    }
  }

  public write(text: string): void {
    if (text.length > 0) fs.writeSync(this.fd, text);
  }

  public finish(head: string, tail: string): void {
    fs.closeSync(this.fd);
    try {
      if (!this.file) {
        // Whole characters only: a chunk boundary may fall inside one.
        const decoder = new StringDecoder('utf8');
        process.stdout.write(head);
        this.copyTo((chunk) => process.stdout.write(decoder.write(chunk)));
        process.stdout.write(decoder.end() + tail);
        return;
      }
      const temporary = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.${Date.now()}.tmp`);
      const out = fs.openSync(temporary, 'w');
      try {
        fs.writeSync(out, head);
        this.copyTo((chunk) => fs.writeSync(out, chunk));
        fs.writeSync(out, tail);
      } finally {
        fs.closeSync(out);
      }
      try {
        fs.renameSync(temporary, this.file);
      } catch (error) {
        removeTemporary(temporary);
        throw error;
      }
    } catch (error) {
      throw cannotWrite(this.file ?? 'stdout', error);
    } finally {
      removeTemporary(this.spool);
    }
  }

  public abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already closed by finish.
    }
    removeTemporary(this.spool);
  }

  private copyTo(sink: (chunk: Buffer) => unknown): void {
    const input = fs.openSync(this.spool, 'r');
    try {
      const buffer = Buffer.alloc(this.chunkBytes);
      for (let n = fs.readSync(input, buffer); n > 0; n = fs.readSync(input, buffer)) sink(Buffer.from(buffer.subarray(0, n)));
    } finally {
      fs.closeSync(input);
    }
  }
}
