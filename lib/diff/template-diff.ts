import { stripVTControlCharacters } from 'node:util';
import { Writable } from 'node:stream';
import { formatDifferences, fullDiff } from '@aws-cdk/cloudformation-diff';
import type { CheckReport } from '../reports/check-report';
import type { LoadedTemplate } from '../loading/loaded-template';
import { templateKey } from './compliance-diff';

/** One template's diff as @aws-cdk/cloudformation-diff formats it (the format of `cdk diff`). */
export interface TemplateChange {
  /** The stack name or the template file (NEW's where it exists). */
  readonly name: string;
  readonly differences: number;
  readonly text: string;
}

function render(before: LoadedTemplate | undefined, after: LoadedTemplate | undefined, colour: boolean): { differences: number; text: string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const diff = fullDiff(before?.stack.template ?? {}, after?.stack.template ?? {});
  if (!diff.isEmpty) formatDifferences(stream, diff);
  const text = chunks.join('');
  return { differences: diff.differenceCount, text: colour ? text : stripVTControlCharacters(text) };
}

/**
 * The template diff of every template of either version, paired by stack name (cloud
 * assemblies) or path (directories); a template only in one version diffs against nothing.
 */
export function templateChanges(before: CheckReport, oldRoot: string, after: CheckReport, newRoot: string, colour: boolean): TemplateChange[] {
  const olds = new Map(before.templates.map((t) => [templateKey(t, oldRoot), t]));
  const news = new Map(after.templates.map((t) => [templateKey(t, newRoot), t]));
  const keys = [...new Set([...news.keys(), ...olds.keys()])];
  return keys.map((key) => {
    const o = olds.get(key);
    const n = news.get(key);
    const name = n?.stack.stackName ?? o?.stack.stackName ?? n?.file ?? o!.file;
    return { name, ...render(o, n, colour) };
  });
}
