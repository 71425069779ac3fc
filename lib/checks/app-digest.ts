import type { RuleSet } from './engine';
import type { CfnResource, StackTemplate } from './template';
import { tagPropertyOf, TemplateIndex } from './template-index';
import { isIntrinsic } from './values';
import { TAG_ENVIRONMENT, TAG_ENVIRONMENT_KIND } from './vocabulary';

/** The properties some app rule reads, by resource type, or undefined when one rule does not say (it may read anything). */
function propertiesAppRulesRead(rules: RuleSet): ReadonlyMap<string, ReadonlySet<string>> | undefined {
  const read = new Map<string, Set<string>>();
  for (const rule of rules.appRules) {
    if (rule.reads === undefined) return undefined;
    for (const [type, properties] of Object.entries(rule.reads)) {
      const set = read.get(type) ?? new Set<string>();
      for (const property of properties) set.add(property);
      read.set(type, set);
    }
  }
  return read;
}

/** True when a value holds an `Fn::ImportValue` anywhere (walked iteratively: deep templates must not overflow the stack). */
function holdsImport(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    if (!Array.isArray(value) && 'Fn::ImportValue' in value) return true;
    pending.push(...(Array.isArray(value) ? value : Object.values(value)));
  }
  return false;
}

/** The tags every app rule may read of any resource: its environment's (lib/checks/lookups/stack-environments.ts). */
const ENVIRONMENT_TAGS: ReadonlySet<unknown> = new Set([TAG_ENVIRONMENT, TAG_ENVIRONMENT_KIND]);

/**
 * The environment tags of a tag list or map, and whatever could be one (a tag or key given by an
 * intrinsic), in their order: a tag read from it is what it is in the whole list.
 */
function environmentTags(tags: unknown): unknown {
  if (tags === undefined || tags === null || isIntrinsic(tags)) return tags;
  if (Array.isArray(tags)) {
    return tags.filter((tag) => {
      const key = tag && typeof tag === 'object' ? (tag as { Key?: unknown }).Key : undefined;
      return isIntrinsic(tag) || isIntrinsic(key) || ENVIRONMENT_TAGS.has(key);
    });
  }
  if (typeof tags === 'object') return Object.fromEntries(Object.entries(tags).filter(([key]) => ENVIRONMENT_TAGS.has(key)));
  return tags;
}

/** One resource as the app rules see it: its type and condition, its environment tags (a global table's replicas keep theirs), and the properties they declare. */
function resourceDigest(resource: CfnResource, read: ReadonlySet<string> | undefined): CfnResource {
  const source = resource.Properties ?? {};
  const properties: Record<string, unknown> = {};
  const tagProperty = tagPropertyOf(resource.Type);
  if (source[tagProperty] !== undefined) properties[tagProperty] = environmentTags(source[tagProperty]);
  const replicas = source.Replicas;
  if (resource.Type === 'AWS::DynamoDB::GlobalTable' && replicas !== undefined) {
    properties.Replicas = Array.isArray(replicas) ? replicas.map((r) => (isIntrinsic(r) ? r : { Tags: environmentTags((r as { Tags?: unknown } | null)?.Tags) })) : replicas;
  }
  for (const property of read ?? []) if (source[property] !== undefined) properties[property] = source[property];
  return { Type: resource.Type, ...(resource.Condition !== undefined ? { Condition: resource.Condition } : {}), Properties: properties };
}

/** The outputs the app rules read: those that export (only their export), and whole those holding an `Fn::ImportValue`. */
function outputsDigest(outputs: unknown): Record<string, unknown> | undefined {
  if (!outputs || typeof outputs !== 'object') return outputs as undefined;
  const out: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(outputs)) {
    if (holdsImport(output)) out[name] = output;
    else if (output && typeof output === 'object' && (output as { Export?: unknown }).Export !== undefined) out[name] = { Export: (output as { Export: unknown }).Export };
  }
  return out;
}

/** Names in the outputs that may be logical IDs (`Ref`, `Fn::GetAtt`, `${X}`): a superset, read once. */
function namesInOutputs(outputs: unknown): Set<string> {
  const names = new Set<string>();
  if (outputs === undefined) return names;
  for (const m of JSON.stringify(outputs).matchAll(/"([A-Za-z0-9]+)(?:\.[^"]*)?"|\$\{([A-Za-z0-9]+)/g)) names.add(m[1] ?? m[2]);
  return names;
}

/**
 * A resource whose environment tags say nothing the app rules need: none, or the stack's own
 * literal environment when the first resource that names one names that (that first one is kept,
 * so the stack's environment and "stack mixes environments" come out the same).
 */
function tellsNothingNew(index: TemplateIndex, logicalId: string, first: ReadonlyMap<string, { logicalId: string; value: unknown }>): boolean {
  for (const key of [TAG_ENVIRONMENT, TAG_ENVIRONMENT_KIND]) {
    const tag = index.tag(logicalId, key);
    if (tag.kind === 'absent') continue;
    const stackFirst = first.get(key);
    if (tag.kind !== 'known' || typeof tag.value !== 'string' || stackFirst === undefined || stackFirst.logicalId === logicalId || stackFirst.value !== tag.value) return false;
  }
  return true;
}

/**
 * What the app rules read of a template, and nothing more: the stack's identity; its parameters,
 * conditions and mappings (intrinsics resolve against them); its exports, and whole any output or
 * resource holding an `Fn::ImportValue` (the cross-stack references they compare); the resources
 * the app rules look at, with the properties they declare (`AppRule.reads`) and their environment
 * tags; every resource those or the outputs refer to (a reference must stay one); and every
 * resource whose environment tags say what the stack's first does not (a stack that mixes
 * environments, or names one through an intrinsic). App rules give the same findings over digests
 * as over the templates (every app-rule test checks it: test/helpers/check.ts), so `dpp check`
 * holds a digest, not the template, of each loose template it must compare with the others until
 * the app rules have run (reports/check-stream.ts): about 4 % of a baseline template. Plain data,
 * so a worker thread can send it. When an app rule does not declare what it reads, the template is
 * kept whole.
 */
export function appDigest(stack: StackTemplate, rules: RuleSet): StackTemplate {
  const read = propertiesAppRulesRead(rules);
  if (read === undefined) return stack;
  const { Parameters, Conditions, Mappings, Resources } = stack.template;
  const Outputs = outputsDigest(stack.template.Outputs);
  const all: Record<string, CfnResource> = {};
  const whole = new Set<string>();
  for (const [logicalId, resource] of Object.entries(Resources ?? {})) {
    // As TemplateIndex does: an entry without a type is no resource.
    if (!resource || typeof resource !== 'object' || typeof resource.Type !== 'string') continue;
    if (holdsImport(resource.Properties)) whole.add(logicalId);
    all[logicalId] = whole.has(logicalId) ? { Type: resource.Type, Condition: resource.Condition, Properties: resource.Properties } : resourceDigest(resource, read.get(resource.Type));
  }
  const template = { Parameters, Conditions, Mappings, Outputs, Resources: all };
  const index = new TemplateIndex({ ...stack, template });
  // The first resource with a known value of each environment tag decides for the stack and is kept.
  const first = new Map<string, { logicalId: string; value: unknown }>();
  for (const key of [TAG_ENVIRONMENT, TAG_ENVIRONMENT_KIND]) {
    for (const logicalId of index.logicalIds) {
      const tag = index.tag(logicalId, key);
      if (tag.kind === 'known') {
        first.set(key, { logicalId, value: tag.value });
        break;
      }
    }
  }
  // Kept: what the rules look at, and every resource those refer to (a reference must stay one).
  const outputNames = namesInOutputs(Outputs);
  const pending = Object.keys(all).filter((id) => whole.has(id) || read.has(all[id].Type) || outputNames.has(id) || !tellsNothingNew(index, id, first));
  const kept = new Set<string>();
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (kept.has(id)) continue;
    kept.add(id);
    for (const reference of index.referencesFrom(id)) if (!kept.has(reference.to)) pending.push(reference.to);
  }
  template.Resources = Object.fromEntries(Object.entries(all).filter(([id]) => kept.has(id)));
  return { ...stack, template };
}
