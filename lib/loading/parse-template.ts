import * as fs from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { CfnTemplate } from '../checks/template';
import { CLOUDFORMATION_TAGS } from './cfn-yaml-tags';
import { fileProblem, InputError, requireRegularFile } from './errors';
import { jsonResourceLines, type ResourceLines } from './json-resource-lines';
import { MAX_NESTING_DEPTH, MAX_TEMPLATE_BYTES, MAX_YAML_ALIAS_COUNT } from './limits';

/** A template read from text, with where its resources are declared (SARIF and JUnit need the lines). */
export interface ParsedTemplate {
  readonly template: CfnTemplate;
  /** 1-based line of each resource's logical ID in the file. */
  readonly resourceLines: ReadonlyMap<string, number>;
  /** 1-based line of the `Resources` key. */
  readonly resourcesLine?: number;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/** Line of a character offset (for JSON.parse messages that give a position). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/**
 * Rejects values nested deeper than the limit, walking iteratively: rules and reports recurse
 * into properties, and a 10,000-level template must be refused, not overflow the stack.
 */
function assertDepth(file: string, value: unknown): void {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > MAX_NESTING_DEPTH) throw new InputError(`${file}: nested more than ${MAX_NESTING_DEPTH} levels deep; not a plausible CloudFormation template`);
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
}

function parseJson(text: string, file: string): { value: unknown; lines: ResourceLines } {
  try {
    const value: unknown = JSON.parse(text);
    // Scanned only once the structure is known to be an object with Resources: cheap either way.
    return { value, lines: value && typeof value === 'object' ? jsonResourceLines(text) : { lines: new Map() } };
  } catch (error) {
    const message = firstLine((error as Error).message);
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : undefined;
    throw new InputError(`${file}${line ? `:${line}` : ''}: invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

function parseYaml(text: string, file: string): { value: unknown; lines: ResourceLines } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { customTags: [...CLOUDFORMATION_TAGS], lineCounter, uniqueKeys: true, prettyErrors: true });
  // CloudFormation rejects a tag it does not know: so does dpp, rather than read it as a string.
  const error = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (error) {
    const line = error.linePos?.[0].line;
    const reason = /Maximum call stack/.test(error.message) ? 'nested too deeply' : firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`${file}${line ? `:${line}` : ''}: invalid YAML: ${reason}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (e) {
    throw new InputError(`${file}: invalid YAML: ${firstLine((e as Error).message)}`);
  }
  const lines = new Map<string, number>();
  let resourcesLine: number | undefined;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || pair.key.value !== 'Resources') continue;
      resourcesLine = pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
      if (!isMap(pair.value)) break;
      for (const resource of pair.value.items) {
        if (isScalar(resource.key) && resource.key.range) lines.set(String(resource.key.value), lineCounter.linePos(resource.key.range[0]).line);
      }
    }
  }
  return { value, lines: { resourcesLine, lines } };
}

/**
 * Parses a CloudFormation template from text: JSON when it starts with `{`, YAML (with
 * CloudFormation's short-form tags) otherwise. Throws {@link InputError} naming the file and line
 * when the text does not parse or is not a CloudFormation template (no `Resources` map).
 */
export function parseTemplate(text: string, file: string): ParsedTemplate {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError(`${file}: empty file; not a CloudFormation template`);
  const { value, lines } = body.trimStart().startsWith('{') ? parseJson(body, file) : parseYaml(body, file);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`${file}: not a CloudFormation template (the document is not a mapping)`);
  }
  const resources = (value as { Resources?: unknown }).Resources;
  if (!resources || typeof resources !== 'object' || Array.isArray(resources)) {
    throw new InputError(`${file}: not a CloudFormation template (no Resources map)`);
  }
  assertDepth(file, value);
  return { template: value as CfnTemplate, resourceLines: lines.lines, resourcesLine: lines.resourcesLine };
}

/** Reads and parses a template file, refusing files over the size limit, binary files and text that is not UTF-8. */
export function readTemplateFile(file: string): ParsedTemplate {
  let buffer: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    requireRegularFile(file, stat);
    if (stat.size > MAX_TEMPLATE_BYTES) {
      throw new InputError(`${file}: ${stat.size} bytes is over the ${MAX_TEMPLATE_BYTES / (1024 * 1024)} MiB limit for a template (CloudFormation itself accepts at most 1 MB)`);
    }
    buffer = fs.readFileSync(file);
  } catch (error) {
    throw error instanceof InputError ? error : fileProblem(file, error);
  }
  if (buffer.subarray(0, 8192).includes(0)) throw new InputError(`${file}: a binary file, not a CloudFormation template`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new InputError(`${file}: not UTF-8 text; not a CloudFormation template`);
  }
  return parseTemplate(text, file);
}
