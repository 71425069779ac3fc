import { describeFound } from './describe';
import * as fs from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './errors';
import { PolicyError } from '../policy/errors';
import { resolveProfile } from '../policy/load';
import { DPP, type PolicyProfile } from '../policy/profile';
import { configSchemaFor, environmentsProblems, type DppConfig } from './schema';

/** The cdk.json context key that holds the embedded configuration. */
export const CONFIG_CONTEXT_KEY = 'dpp';
/** The context key naming a JSON or YAML file that replaces the embedded configuration. */
export const CONFIG_FILE_CONTEXT_KEY = 'dppConfigFile';

/** Where a configuration came from, for error messages. */
export interface ConfigSource {
  /** The raw value, as parsed from JSON or YAML. */
  readonly value: unknown;
  /** A prefix for error lines: the file name, or empty for cdk.json context. */
  readonly origin: string;
}

/**
 * A key's path as the user wrote it: under `dpp` in cdk.json context, from the top in a file
 * (whose top level is the configuration itself).
 */
function formatPath(segments: readonly PropertyKey[], root: string): string {
  const path = segments.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), root);
  return path || '(top level)';
}

const EXPECTED: Record<string, string> = { string: 'text (quote it)', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping', record: 'a mapping' };

function formatIssue(issue: z.core.$ZodIssue, root: string): string[] {
  const at = (path: readonly PropertyKey[]) => formatPath(path, root);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${at([...issue.path, key])}: unknown key (check the spelling; see README "Configuration")`);
  }
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return [`${at(issue.path)}: is required`];
    return [`${at(issue.path)}: expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${describeFound(issue.input)}`];
  }
  if (issue.code === 'invalid_key') return [`${at(issue.path)}: ${issue.issues[0]?.message ?? issue.message}`];
  return [`${at(issue.path)}: ${issue.message}`];
}

/**
 * Validates a raw configuration, collecting every problem.
 * @throws ConfigError with one line per problem, each naming the key.
 */
export function validateConfig(source: ConfigSource): DppConfig {
  const prefix = source.origin ? `${source.origin}: ` : '';
  const root = source.origin ? '' : CONFIG_CONTEXT_KEY;
  const profile = profileOf(source.value, prefix, root);
  // `reportInput` keeps the offending value on each issue, to say what was found.
  const result = configSchemaFor(profile).safeParse(source.value, { reportInput: true });
  if (result.success) return { ...result.data, profile };
  const lines = result.error.issues.flatMap((issue) => formatIssue(issue, root));
  // zod skips the cross-environment refinement when an environment has errors of its own;
  // the user still needs to hear about it in the same pass.
  const environments = (source.value as { environments?: unknown } | undefined)?.environments;
  for (const problem of environmentsProblems(environments)) {
    const line = `${formatPath(problem.path, root)}: ${problem.message}`;
    if (!lines.includes(line)) lines.push(line);
  }
  throw new ConfigError(lines.map((line) => prefix + line));
}

/** The profile `policy` names (validated first: the rest is validated under it). */
function profileOf(value: unknown, prefix: string, root: string): PolicyProfile {
  const policy = (value as { policy?: unknown } | undefined)?.policy;
  if (policy === undefined) return DPP;
  const key = formatPath(['policy'], root);
  if (typeof policy !== 'string') throw new ConfigError([`${prefix}${key}: must be a profile name (dpp, dpp-2025) or a profile file path`]);
  try {
    return resolveProfile(policy, key);
  } catch (e) {
    if (e instanceof PolicyError) throw new ConfigError(e.problems.map((line) => prefix + line));
    throw e;
  }
}

function lineOfOffset(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

/** Parses the text of a JSON or YAML configuration file; errors name the file, line and column. */
export function parseConfigText(text: string, file: string, format: 'json' | 'yaml' = file.toLowerCase().endsWith('.json') ? 'json' : 'yaml'): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text);
    } catch (e) {
      const position = /position (\d+)/.exec((e as Error).message);
      const where = position ? lineOfOffset(text, Number(position[1])) : undefined;
      const at = where ? `:${where.line}:${where.col}` : '';
      throw new ConfigError([`${file}${at}: not valid JSON (${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')})`]);
    }
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // The first error is the cause; later ones usually cascade from it.
    const [err] = doc.errors;
    const pos = err.linePos?.[0];
    const at = pos ? `:${pos.line}:${pos.col}` : '';
    const reason = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError([`${file}${at}: not valid YAML (${reason})`]);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError([`${file}: cannot be read as configuration (${(e as Error).message.split('\n')[0]})`]);
  }
}

/** Reads a configuration file; a missing or unreadable file is a ConfigError naming it. */
export function readConfigFile(file: string): ConfigSource {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > 1024 * 1024) throw new Error('larger than 1 MiB, not a configuration file');
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    throw new ConfigError([`${CONFIG_FILE_CONTEXT_KEY}=${file}: ${reason}`]);
  }
  const value = parseConfigText(text, file);
  return { value, origin: file };
}

/**
 * Finds the configuration for an app: `-c dppConfigFile=PATH` if given, otherwise the `dpp`
 * context from cdk.json. `tryGetContext` is the app's `node.tryGetContext`.
 */
export function loadConfig(tryGetContext: (key: string) => unknown): DppConfig {
  const file = tryGetContext(CONFIG_FILE_CONTEXT_KEY);
  if (file !== undefined) {
    if (typeof file !== 'string' || file.trim() === '') {
      throw new ConfigError([`${CONFIG_FILE_CONTEXT_KEY}: must be a file path`]);
    }
    return validateConfig(readConfigFile(file));
  }
  let value = tryGetContext(CONFIG_CONTEXT_KEY);
  if (value === undefined) {
    throw new ConfigError([`${CONFIG_CONTEXT_KEY}: no configuration; add the "dpp" key to cdk.json context or pass -c ${CONFIG_FILE_CONTEXT_KEY}=PATH`]);
  }
  if (typeof value === 'string') {
    // `-c dpp='{"environments":…}'` arrives as a string.
    value = parseConfigText(value, `-c ${CONFIG_CONTEXT_KEY}`, 'json');
  }
  return validateConfig({ value, origin: '' });
}
