import { stacksByKind, unknownEnvironmentVerdicts } from '../../lookups/stack-environments';
import { renderString } from '../../lookups/template-string';
import type { TemplateIndex } from '../../template-index';
import type { AppVerdict } from '../../types';
import { appRule, fail, unresolvable } from '../../types';

/** Where a stack's exports can be matched: literal names, and `${AWS::StackName}` resolved when the stack name is known. */
interface Exports {
  readonly names: Map<string, string>;
  /** Stacks with an export name that stays unknown until deploy. */
  readonly undecided: string[];
}

function exportName(index: TemplateIndex, raw: unknown): string | undefined {
  const rendered = renderString(index, raw);
  if ('unresolvable' in rendered) return undefined;
  const text = index.stack.stackName ? rendered.text.replaceAll('${AWS::StackName}', index.stack.stackName) : rendered.text;
  return text.includes('${') ? undefined : text;
}

function exportsOf(stacks: readonly TemplateIndex[]): Exports {
  const names = new Map<string, string>();
  const undecided: string[] = [];
  for (const index of stacks) {
    for (const output of Object.values(index.stack.template.Outputs ?? {})) {
      const raw = (output as { Export?: { Name?: unknown } } | undefined)?.Export?.Name;
      if (raw === undefined) continue;
      const name = exportName(index, raw);
      if (name === undefined) undecided.push(index.stack.id);
      else names.set(name, index.stack.id);
    }
  }
  return { names, undecided };
}

/** Every `Fn::ImportValue` argument in a template's resources and outputs, with where it is. */
function importsOf(index: TemplateIndex): Array<{ logicalId?: string; name: unknown }> {
  const found: Array<{ logicalId?: string; name: unknown }> = [];
  const roots: Array<[string | undefined, unknown]> = [
    ...[...index.logicalIds].map((id): [string, unknown] => [id, index.resource(id)?.Properties]),
    [undefined, index.stack.template.Outputs],
  ];
  for (const [logicalId, root] of roots) {
    const pending: unknown[] = [root];
    while (pending.length > 0) {
      const value = pending.pop();
      if (value === null || typeof value !== 'object') continue;
      if (!Array.isArray(value) && 'Fn::ImportValue' in value) found.push({ logicalId, name: (value as Record<string, unknown>)['Fn::ImportValue'] });
      pending.push(...(Array.isArray(value) ? value : Object.values(value)));
    }
  }
  return found;
}

export const ProdDoesNotImportTest = appRule({
  id: 'DPP-3.5-ProdDoesNotImportTest',
  clause: '3.5',
  level: 'error',
  // Exports, and the imports digests keep whole.
  reads: {},
  description: 'No production stack imports an export of a stack of another environment',
  fix: 'Give prod its own copy of the resource, or share it from a stack that belongs to no test environment',
  explanation: 'DPP 3.5 Secure Coding Practices requires separate test and production environments; a prod stack that imports a test export depends on test at run time.',
  check: (indexes) => {
    const groups = stacksByKind(indexes);
    const others = [...groups].filter(([kind]) => kind !== 'prod').flatMap(([, stacks]) => stacks);
    if (others.length === 0) return [];
    const exports = exportsOf(others);
    const verdicts: AppVerdict[] = unknownEnvironmentVerdicts(indexes);
    for (const prod of groups.get('prod') ?? []) {
      for (const { logicalId, name: raw } of importsOf(prod)) {
        const name = exportName(prod, raw);
        const owner = name === undefined ? undefined : exports.names.get(name);
        const where = logicalId ?? 'Outputs';
        if (owner) verdicts.push({ stack: prod.stack, logicalId, verdict: fail(`${where} imports ${name}, an export of non-prod stack ${owner}`, 'Fn::ImportValue') });
        else if (name === undefined) verdicts.push({ stack: prod.stack, logicalId, verdict: unresolvable(`${where} Fn::ImportValue`, 'the export name is decided at deploy') });
        else if (exports.undecided.length > 0) verdicts.push({ stack: prod.stack, logicalId, verdict: unresolvable(`${where} Fn::ImportValue`, `stack(s) ${exports.undecided.join(', ')} name exports only at deploy`) });
      }
    }
    return verdicts;
  },
});
