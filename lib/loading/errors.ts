import type { Stats } from 'node:fs';

/**
 * Input the CLI cannot use — a missing or unreadable file, a template that does not parse, is not
 * CloudFormation, or exceeds a limit. Its message is one line naming the file (and the line where
 * there is one); the command line prints it and exits 2.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Why a file-system call failed, in a few words: `no such file or directory`. */
export function fileProblemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'file name too long',
    EIO: 'cannot read (input/output error)',
  };
  const message = (error as { message?: unknown } | undefined)?.message;
  return (code && reasons[code]) ?? (typeof message === 'string' ? message.split('\n')[0] : String(error));
}

/** A file-system error as one line: `cdk.out/x.json: no such file or directory`. */
export function fileProblem(file: string, error: unknown): InputError {
  return new InputError(`${file}: ${fileProblemReason(error)}`);
}

/** What a path that is not a regular file is, for messages. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return stat.isDirectory() ? 'a directory' : 'a special file';
}

/**
 * Refuses a path that is not a regular file, before it is opened: opening a FIFO blocks until a
 * writer comes, and a device such as /dev/zero never ends, so either would hang the CLI.
 */
export function requireRegularFile(file: string, stat: Stats): void {
  if (!stat.isFile()) throw new InputError(`${file}: not a regular file (${kindOf(stat)})`);
}
