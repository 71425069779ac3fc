import type { TemplateIndex } from '../../template-index';
import type { AppVerdict } from '../../types';
import { appRule, fail, unresolvable } from '../../types';
import { TAG_ENVIRONMENT } from '../../vocabulary';

/** The first resource whose literal environment differs from the stack's first one, or the first whose tag is undecidable. */
function mixedEnvironment(index: TemplateIndex): AppVerdict | undefined {
  let first: { logicalId: string; environment: string } | undefined;
  let undecided: AppVerdict | undefined;
  for (const logicalId of index.logicalIds) {
    const tag = index.tag(logicalId, TAG_ENVIRONMENT);
    if (tag.kind === 'unresolvable' || tag.kind === 'reference') {
      undecided ??= { stack: index.stack, logicalId, verdict: unresolvable(`Tags.${TAG_ENVIRONMENT}`, tag.kind === 'unresolvable' ? tag.why : 'a reference') };
      continue;
    }
    if (tag.kind !== 'known') continue;
    const environment = String(tag.value);
    if (!first) first = { logicalId, environment };
    else if (environment !== first.environment) {
      return {
        stack: index.stack,
        logicalId,
        verdict: fail(`stack mixes environments: ${logicalId} is tagged ${environment} while ${first.logicalId} is tagged ${first.environment}`, `Tags.${TAG_ENVIRONMENT}`),
      };
    }
  }
  return undecided;
}

export const EnvironmentsInSeparateStacks = appRule({
  id: 'DPP-3.5-EnvironmentsInSeparateStacks',
  clause: '3.5',
  level: 'error',
  // Tags only.
  reads: {},
  description: 'Test and production resources live in separate stacks (no stack holds two dpp:environment values)',
  fix: 'Deploy each environment as its own stack, tagging every resource of it with the one dpp:environment',
  explanation: 'DPP 3.5 Secure Coding Practices requires separate test and production environments; a stack that holds both deploys and fails together.',
  check: (indexes) => indexes.flatMap((index) => mixedEnvironment(index) ?? []),
});
