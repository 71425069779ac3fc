import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { PolicyError } from './errors';
import { BUILT_IN_PROFILES, describeValue, looseningOf, type PolicyProfile } from './profile';
import { BUILT_IN_PROFILE_NAMES, type BuiltInProfileName } from './profiles';
import { REQUIREMENT_LEVELS, THRESHOLD_KEYS, THRESHOLDS, type PolicyValues, type ThresholdKey } from './thresholds';

/**
 * A team's profile file (JSON or YAML):
 *
 * ```yaml
 * name: acme            # optional; defaults to the file name
 * extends: dpp-2025     # a built-in profile
 * thresholds:
 *   logRetentionDays: 730
 * ```
 *
 * It may only tighten its base: a value that loosens a threshold is refused with one line naming
 * the key, the value and the base's bound.
 */

const FILE_KEYS = new Set(['name', 'extends', 'thresholds']);
/** A profile file is a few lines; anything larger is not one. */
const MAX_PROFILE_BYTES = 64 * 1024;

function isBuiltIn(name: string): name is BuiltInProfileName {
  return (BUILT_IN_PROFILE_NAMES as readonly string[]).includes(name);
}

function readText(file: string, label: string): string {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > MAX_PROFILE_BYTES) throw new Error(`larger than ${MAX_PROFILE_BYTES / 1024} KiB, not a profile file`);
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT'
      ? `not a built-in profile (${BUILT_IN_PROFILE_NAMES.join(', ')}) and no such file`
      : (e as Error).message;
    throw new PolicyError([`${label}: ${reason}`]);
  }
}

function parse(text: string, label: string, json: boolean): unknown {
  if (json) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new PolicyError([`${label}: not valid JSON (${(e as Error).message.split('\n')[0]})`]);
    }
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const [err] = doc.errors;
    const pos = err.linePos?.[0];
    throw new PolicyError([`${label}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML (${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')})`]);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problem with a threshold value's type or range, whatever the base. */
function typeProblem(key: ThresholdKey, value: unknown): string | undefined {
  const spec = THRESHOLDS[key];
  if (spec.direction === 'flag') return typeof value === 'boolean' ? undefined : 'must be true or false';
  if (spec.direction === 'level') return REQUIREMENT_LEVELS.includes(value as never) ? undefined : `must be one of ${REQUIREMENT_LEVELS.join(', ')}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (spec.unit !== 'TLS version' && !Number.isInteger(value)) return 'must be a whole number';
  const [low, high] = spec.range ?? [0, Number.MAX_SAFE_INTEGER];
  return value < low || value > high ? `must be from ${low} to ${high} ${spec.unit}` : undefined;
}

/** Validates a parsed profile file against its base; every problem is one line naming the key. */
export function profileFromObject(raw: unknown, label: string, defaultName: string): PolicyProfile {
  if (!isRecord(raw)) throw new PolicyError([`${label}: must be an object with "extends" and "thresholds"`]);
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!FILE_KEYS.has(key)) problems.push(`${label}: ${key}: unknown key (expected name, extends, thresholds)`);
  const base = raw.extends;
  if (typeof base !== 'string' || !isBuiltIn(base)) {
    problems.push(`${label}: extends: ${base === undefined ? 'is required' : `${JSON.stringify(base)} is not a built-in profile`} (one of ${BUILT_IN_PROFILE_NAMES.join(', ')})`);
    throw new PolicyError(problems);
  }
  const name = raw.name === undefined ? defaultName : raw.name;
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) problems.push(`${label}: name: must be a short name of letters, digits, ".", "_" or "-"`);
  else if (isBuiltIn(name)) problems.push(`${label}: name: ${name} is a built-in profile's name; give the team profile its own`);
  const thresholds = raw.thresholds ?? {};
  if (!isRecord(thresholds)) problems.push(`${label}: thresholds: must be an object of threshold keys`);
  const bound = BUILT_IN_PROFILES[base].values;
  const values: Record<string, unknown> = { ...bound };
  for (const [key, value] of Object.entries(isRecord(thresholds) ? thresholds : {})) {
    if (!(THRESHOLD_KEYS as string[]).includes(key)) {
      problems.push(`${label}: thresholds.${key}: unknown threshold (see README "Policy profiles")`);
      continue;
    }
    const k = key as ThresholdKey;
    const invalid = typeProblem(k, value);
    if (invalid) {
      problems.push(`${label}: thresholds.${key}: ${JSON.stringify(value)} ${invalid}`);
      continue;
    }
    const loosens = looseningOf(k, value, bound[k]);
    if (loosens) {
      problems.push(`${label}: thresholds.${key}: ${describeValue(k, value as never)} loosens ${base}, which ${loosens}; a profile may only tighten its base`);
      continue;
    }
    values[key] = value;
  }
  if (problems.length > 0) throw new PolicyError(problems);
  return Object.freeze({ name: name as string, base, values: Object.freeze(values) as unknown as PolicyValues });
}

/** Reads a team profile file. */
export function readProfileFile(file: string): PolicyProfile {
  const label = file;
  const text = readText(file, label);
  const raw = parse(text, label, file.toLowerCase().endsWith('.json'));
  return { ...profileFromObject(raw, label, path.basename(file).replace(/\.(json|ya?ml)$/i, '')), file };
}

/**
 * A profile by built-in name or file path. `where` prefixes error lines with the input that named
 * it (`--profile`, `dpp.policy`).
 */
export function resolveProfile(ref: string | PolicyProfile, where = 'profile'): PolicyProfile {
  if (typeof ref !== 'string') return ref;
  const trimmed = ref.trim();
  if (trimmed === '') throw new PolicyError([`${where}: must name a profile (${BUILT_IN_PROFILE_NAMES.join(', ')}) or a profile file`]);
  if (isBuiltIn(trimmed)) return BUILT_IN_PROFILES[trimmed];
  try {
    return readProfileFile(trimmed);
  } catch (e) {
    if (e instanceof PolicyError) throw new PolicyError(e.problems.map((line) => `${where} ${line}`));
    throw e;
  }
}

export type { PolicyValues };
