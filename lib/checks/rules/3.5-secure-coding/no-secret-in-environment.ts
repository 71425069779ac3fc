import { credentialSource, hardcodedSecretProblem, secretLikeName } from '../../lookups/secrets';
import type { ResourceContext, Verdict } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';
import { asArray, isIntrinsic } from '../../values';

/** One environment variable: its name, raw value and where it sits. */
interface Variable {
  readonly name: string;
  readonly value: unknown;
  readonly path: string;
  /** Why the name cannot be read (given by an intrinsic): a literal value under it may be a secret. */
  readonly unknownName?: string;
}

type Variables = { readonly variables: Variable[]; readonly verdicts: Verdict[] };

function listOf(raw: unknown, path: string): { items: unknown[]; verdicts: Verdict[] } {
  if (isIntrinsic(raw)) return { items: [], verdicts: [unresolvable(path, 'the list is given by an intrinsic')] };
  return { items: asArray(raw), verdicts: [] };
}

/** `Environment.Variables`: a map of name to value. */
function lambdaVariables(ctx: ResourceContext): Variables {
  const environment: unknown = ctx.properties.Environment;
  const map = isIntrinsic(environment) ? environment : (environment as { Variables?: unknown } | undefined)?.Variables;
  if (isIntrinsic(map)) return { variables: [], verdicts: [unresolvable('Environment.Variables', 'the variables are given by an intrinsic')] };
  if (!map || typeof map !== 'object') return { variables: [], verdicts: [] };
  return { variables: Object.entries(map).map(([name, value]) => ({ name, value, path: `Environment.Variables.${name}` })), verdicts: [] };
}

/** A `{ Name, Value }` list entry (ECS `Environment[]`, CodeBuild `EnvironmentVariables[]`). */
function namedEntry(entry: unknown, path: string): Variable | Verdict | undefined {
  if (isIntrinsic(entry)) return unresolvable(path, 'the variable is given by an intrinsic');
  if (!entry || typeof entry !== 'object') return undefined;
  const { Name: name, Value: value } = entry as { Name?: unknown; Value?: unknown };
  const unknownName = isIntrinsic(name) ? `the variable's Name is given by ${Object.keys(name)[0]}` : undefined;
  return { name: typeof name === 'string' ? name : '', value, path: `${path}.Value`, unknownName };
}

function split(entries: Array<Variable | Verdict | undefined>, verdicts: Verdict[]): Variables {
  const variables: Variable[] = [];
  for (const e of entries) {
    if (!e) continue;
    if ('outcome' in e) verdicts.push(e);
    else variables.push(e);
  }
  return { variables, verdicts };
}

/** `ContainerDefinitions[].Environment[]` (ECS `Secrets[]` is the safe alternative and is not read). */
function ecsVariables(ctx: ResourceContext): Variables {
  const containers = listOf(ctx.properties.ContainerDefinitions, 'ContainerDefinitions');
  const verdicts = [...containers.verdicts];
  const entries = containers.items.flatMap((container, c) => {
    const base = `ContainerDefinitions.${c}`;
    if (isIntrinsic(container)) {
      verdicts.push(unresolvable(base, 'the container definition is given by an intrinsic'));
      return [];
    }
    const list = listOf((container as { Environment?: unknown } | undefined)?.Environment, `${base}.Environment`);
    verdicts.push(...list.verdicts);
    return list.items.map((entry, i) => namedEntry(entry, `${base}.Environment.${i}`));
  });
  return split(entries, verdicts);
}

/** `Environment.EnvironmentVariables[]` of Type PLAINTEXT (the default); PARAMETER_STORE and SECRETS_MANAGER values are names. */
function codeBuildVariables(ctx: ResourceContext): Variables {
  const environment: unknown = ctx.properties.Environment;
  const list = listOf(isIntrinsic(environment) ? environment : (environment as { EnvironmentVariables?: unknown } | undefined)?.EnvironmentVariables, 'Environment.EnvironmentVariables');
  const entries = list.items.map((entry, i) => {
    const path = `Environment.EnvironmentVariables.${i}`;
    const type = entry && typeof entry === 'object' ? (entry as { Type?: unknown }).Type : undefined;
    if (type !== undefined && !isIntrinsic(type) && type !== 'PLAINTEXT') return undefined;
    const variable = namedEntry(entry, path);
    if (isIntrinsic(type) && variable && 'name' in variable && secretLikeName(variable.name)) return unresolvable(`${path}.Type`, 'the variable type is given by an intrinsic');
    return variable;
  });
  return split(entries, [...list.verdicts]);
}

const READERS: Readonly<Record<string, (ctx: ResourceContext) => Variables>> = {
  'AWS::Lambda::Function': lambdaVariables,
  'AWS::ECS::TaskDefinition': ecsVariables,
  'AWS::CodeBuild::Project': codeBuildVariables,
};

function variableVerdict(ctx: ResourceContext, variable: Variable): Verdict | undefined {
  const source = credentialSource(ctx.index, variable.value);
  const problem = hardcodedSecretProblem(variable.name || variable.path, source);
  if (problem) return fail(`environment variable ${problem}`, variable.path);
  // An undecidable value matters only where the name says it is a secret, and a written value
  // only where the name could say so.
  if (source.kind === 'unresolvable' && secretLikeName(variable.name)) return unresolvable(variable.path, source.why);
  if (variable.unknownName && source.kind !== 'safe') return unresolvable(variable.path.replace(/Value$/, 'Name'), variable.unknownName);
  return undefined;
}

export const NoSecretInEnvironment = resourceRule({
  id: 'DPP-3.5-NoSecretInEnvironment',
  clause: '3.5',
  level: 'error',
  critical: 'always',
  resourceTypes: Object.keys(READERS),
  description: 'Environment variables of Lambda functions, ECS task definitions and CodeBuild projects hold no hardcoded secret',
  fix: 'Read the secret at run time from Secrets Manager or SSM SecureString (ECS Secrets, CodeBuild SECRETS_MANAGER/PARAMETER_STORE variables, or the secret\'s ARN in the variable)',
  explanation: 'DPP 3.5 Secure Coding Practices forbids hardcoded credentials such as secret access keys, encryption keys and passwords: environment variables are written in the template and shown in the console.',
  check: (ctx) => {
    const { variables, verdicts } = READERS[ctx.type](ctx);
    return [...verdicts, ...variables.flatMap((v) => variableVerdict(ctx, v) ?? [])];
  },
});
