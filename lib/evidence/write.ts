import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../cli/errors';
import { fileProblemReason } from '../loading/errors';
import type { EvidenceFile } from './pack';

/** A pack is a record: never written over an existing one. An empty directory may be filled. */
function requireFree(target: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return;
  }
  if (stat.isDirectory() && fs.readdirSync(target).length === 0) return;
  throw new UsageError(`--output ${target}: already exists; an evidence pack is never written over another file or folder (choose a new name)`);
}

function requireParent(target: string): string {
  const parent = path.dirname(path.resolve(target));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(parent);
  } catch (error) {
    throw new UsageError(`--output ${target}: cannot write there: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : fileProblemReason(error)}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`--output ${target}: cannot write there: ${parent} is not a directory`);
  return parent;
}

function temporaryBeside(target: string, parent: string): string {
  return path.join(parent, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

function failed(target: string, temporary: string, error: unknown): never {
  fs.rmSync(temporary, { recursive: true, force: true });
  if (error instanceof UsageError) throw error;
  throw new UsageError(`--output ${target}: cannot write: ${fileProblemReason(error)}`);
}

/**
 * Writes the pack into a temporary folder beside `target`, then renames it into place: a run that
 * fails leaves nothing behind, and a reader never sees half a pack.
 */
export function writeEvidenceDirectory(files: readonly EvidenceFile[], target: string): void {
  requireFree(target);
  const parent = requireParent(target);
  const temporary = temporaryBeside(target, parent);
  try {
    fs.mkdirSync(temporary);
    for (const file of files) {
      const destination = path.join(temporary, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.writeFileSync(destination, file.content);
    }
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(temporary, target);
  } catch (error) {
    failed(target, temporary, error);
  }
}

/** Writes one archive file the same way: a temporary file beside it, renamed into place. */
export function writeEvidenceZip(archive: Uint8Array, target: string): void {
  requireFree(target);
  if (fs.existsSync(target)) throw new UsageError(`--output ${target}: is a directory; --zip writes one file`);
  const parent = requireParent(target);
  const temporary = temporaryBeside(target, parent);
  try {
    fs.writeFileSync(temporary, archive);
    fs.renameSync(temporary, target);
  } catch (error) {
    failed(target, temporary, error);
  }
}
