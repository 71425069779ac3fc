import type { RuleSet } from './engine';
import type { CfnResource, StackTemplate } from './template';
import { tagPropertyOf } from './template-index';
import { isIntrinsic } from './values';

/** The resource types whose properties some app rule reads, or undefined when one rule does not say (it may read anything). */
function typesAppRulesRead(rules: RuleSet): ReadonlySet<string> | undefined {
  const types = new Set<string>();
  for (const rule of rules.appRules) {
    if (rule.reads === undefined) return undefined;
    for (const type of rule.reads) types.add(type);
  }
  return types;
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

/** A resource with only its type, condition and tags (where its type keeps them; a global table's replicas keep theirs). */
function typeAndTags(resource: CfnResource): CfnResource {
  const property = tagPropertyOf(resource.Type);
  const properties: Record<string, unknown> = {};
  const tags = resource.Properties?.[property];
  if (tags !== undefined) properties[property] = tags;
  const replicas = resource.Properties?.Replicas;
  if (resource.Type === 'AWS::DynamoDB::GlobalTable' && replicas !== undefined) {
    properties.Replicas = Array.isArray(replicas) ? replicas.map((r) => (isIntrinsic(r) ? r : { Tags: (r as { Tags?: unknown } | null)?.Tags })) : replicas;
  }
  return { Type: resource.Type, ...(resource.Condition !== undefined ? { Condition: resource.Condition } : {}), Properties: properties };
}

/**
 * What the app rules read of a template, and nothing more: the stack's identity, its parameters,
 * conditions, mappings and outputs (names, exports and intrinsics resolve against them), every
 * resource's type, condition and tags (environments, kinds, classifications), and whole the
 * resources of the types the app rules declare they read (`AppRule.reads`) or whose properties
 * hold an `Fn::ImportValue` (the cross-stack references they compare). App rules give the same
 * verdicts over digests as over the templates (test/checks/app-digest.test.ts holds each to it),
 * so `dpp check` holds a digest, not the template, of each loose template it must compare with the
 * others until the app rules have run (reports/check-stream.ts). Plain data, so a worker thread
 * can send it. When an app rule does not declare what it reads, the template is kept whole.
 */
export function appDigest(stack: StackTemplate, rules: RuleSet): StackTemplate {
  const read = typesAppRulesRead(rules);
  if (read === undefined) return stack;
  const { Parameters, Conditions, Mappings, Outputs, Resources } = stack.template;
  const resources: Record<string, CfnResource> = {};
  for (const [logicalId, resource] of Object.entries(Resources ?? {})) {
    // As TemplateIndex does: an entry without a type is no resource.
    if (!resource || typeof resource !== 'object' || typeof resource.Type !== 'string') continue;
    resources[logicalId] = read.has(resource.Type) || holdsImport(resource.Properties) ? resource : typeAndTags(resource);
  }
  return { ...stack, template: { Parameters, Conditions, Mappings, Outputs, Resources: resources } };
}
