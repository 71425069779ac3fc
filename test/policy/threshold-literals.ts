import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILT_IN_VALUES } from '../../lib/policy/profiles';

/**
 * A lint over the source tree: the policy's numbers live in lib/policy only. It finds, outside
 * lib/policy, numeric literals equal to a threshold of any built-in profile (code, comments
 * stripped) and "N days / characters / hours / months / passwords / attempts" or "AES-N / RSA-N"
 * in strings and templates. ALLOWED lists what is not a threshold, each with why.
 */

export const ROOT = path.resolve(__dirname, '../..');
export const SCANNED = ['lib', 'constructs', 'bin'];
export const POLICY_DIR = path.join('lib', 'policy');

/** Numbers that are thresholds in some profile and rarely anything else (in code). */
export const THRESHOLD_NUMBERS = new Set([12, 30, 90, 180, 365, 545, 2048]);

/** Every number a built-in profile holds: in texts ("365 days") any of them is a threshold. */
const PROFILE_NUMBERS = new Set(Object.values(BUILT_IN_VALUES).flatMap((values) => Object.values(values).filter((v): v is number => typeof v === 'number')));

export interface Hit {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Blanks out comments, keeping line breaks, so positions stay right. Strings are kept. */
function stripComments(source: string): string {
  let out = '';
  let i = 0;
  let quote: string | undefined;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = undefined;
      i++;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    out += c;
    i++;
  }
  return out;
}

/** A numeric literal in code, not a regex quantifier (`\\d{12}`) nor part of a name or version. */
const NUMBER = /(?<![\w.$/{,-])(\d+)(?![\w.-])/g;
const TEXT_THRESHOLD = /\b(\d+)[ -](?:days?|characters|hours|months|passwords|attempts)\b|\b(?:AES|RSA)-(\d+)\b/g;

/** The threshold literals of one file's text. */
export function thresholdLiterals(file: string, source: string): Hit[] {
  const hits: Hit[] = [];
  stripComments(source).split('\n').forEach((line, i) => {
    for (const m of line.matchAll(NUMBER)) {
      if (THRESHOLD_NUMBERS.has(Number(m[1]))) hits.push({ file, line: i + 1, text: m[0] });
    }
    for (const m of line.matchAll(TEXT_THRESHOLD)) {
      if (PROFILE_NUMBERS.has(Number(m[1] ?? m[2]))) hits.push({ file, line: i + 1, text: m[0] });
    }
  });
  return hits;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return relative === POLICY_DIR ? [] : sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/** Every threshold literal outside lib/policy. */
export function scanSourceTree(): Hit[] {
  return SCANNED.flatMap(sourceFiles).flatMap((file) => thresholdLiterals(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
}
