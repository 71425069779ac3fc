import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the app's source created something: a file and a 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

/** One entry of a stack artifact's metadata (`manifest.json` or its `additionalMetadataFile`). */
interface MetadataEntry {
  readonly type?: unknown;
  readonly data?: unknown;
}

/** Construct creation traces, recorded by CDK on CloudFormation elements and stacks (and by this library's constructs). */
const CREATION_STACK = 'aws:cdk:creationStack';
const LOGICAL_ID = 'aws:cdk:logicalId';
/** `function (file:line:column)` or a bare `file:line:column`, as CDK renders a frame. */
const FRAME = /^(?:.*? \()?(.+?):(\d+)(?::(\d+))?\)?$/;
const LIBRARY_FILE = /[/\\]node_modules[/\\]|^node:/;

/** The first frame of a trace in the app's own code: not an elision (`...aws-cdk-lib...`), a package or Node's internals. */
export function appFrame(trace: readonly unknown[]): SourceLocation | undefined {
  for (const frame of trace) {
    if (typeof frame !== 'string' || frame.startsWith('...') || frame.startsWith('(')) continue;
    const match = FRAME.exec(frame.trim());
    if (!match) continue;
    let file = match[1];
    if (file.startsWith('file://')) {
      try {
        file = fileURLToPath(file);
      } catch {
        continue;
      }
    }
    if (LIBRARY_FILE.test(file)) continue;
    return { file, line: Number(match[2]), column: match[3] ? Number(match[3]) : undefined };
  }
  return undefined;
}

/** Where each resource (by logical ID) and the stack itself were created, from one stack artifact's metadata. */
export interface CreationLocations {
  readonly stack?: SourceLocation;
  readonly resources: ReadonlyMap<string, SourceLocation>;
}

/**
 * Maps each resource of a stack to the app's source line that created it: the resource's own
 * creation trace when it reaches the app's code, else the nearest ancestor construct's (CDK's own
 * validation output walks the construct path the same way). Metadata is keyed by construct path
 * (`/Stack/Network/Vpc/Resource`); the stack's path is the shortest key.
 */
export function creationLocations(metadata: unknown): CreationLocations {
  const resources = new Map<string, SourceLocation>();
  if (!metadata || typeof metadata !== 'object') return { resources };
  const located = new Map<string, SourceLocation | undefined>();
  const logicalIds: [string, string][] = [];
  for (const [path, entries] of Object.entries(metadata as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as MetadataEntry[]) {
      if (entry?.type === CREATION_STACK && Array.isArray(entry.data) && !located.get(path)) located.set(path, appFrame(entry.data));
      if (entry?.type === LOGICAL_ID && typeof entry.data === 'string') logicalIds.push([entry.data, path]);
    }
  }
  const nearest = (path: string): SourceLocation | undefined => {
    for (let p = path; p.length > 0; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      const found = located.get(p);
      if (found) return found;
    }
    return undefined;
  };
  for (const [logicalId, path] of logicalIds) {
    const location = nearest(path);
    if (location) resources.set(logicalId, location);
  }
  const stackPath = Object.keys(metadata).sort((a, b) => a.length - b.length)[0];
  return { stack: stackPath ? located.get(stackPath) : undefined, resources };
}

/** `file:line`, the file relative to the working directory when inside it (how editors and GitHub name it). */
export function displayPlace(file: string, line?: number, cwd: string = process.cwd()): string {
  const relative = path.isAbsolute(file) && !path.relative(cwd, file).startsWith('..') ? path.relative(cwd, file) : file;
  return `${relative.split(path.sep).join('/')}${line ? `:${line}` : ''}`;
}

