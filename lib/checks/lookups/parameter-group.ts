import type { TemplateIndex } from '../template-index';
import type { ResourceContext, Verdict } from '../types';
import { fail, unresolvable } from '../types';
import { ABSENT, isIntrinsic, type Value } from '../values';

/**
 * Database parameter groups, for rules that need a server setting (DPP 2.5: `rds.force_ssl`,
 * `require_secure_transport`, Redshift `require_ssl`). A database names its group by a property;
 * the group may be a resource of the template (read), a literal name of a group elsewhere
 * (unverifiable), or absent / a `default.*` group (the engine's defaults apply).
 */
export type ParameterGroupSetting =
  /** No group, or an AWS default group: the engine defaults apply. */
  | { readonly kind: 'default'; readonly name?: string }
  /** A group named literally that the template does not declare. */
  | { readonly kind: 'external'; readonly name: string }
  /** The group (or a value in it) cannot be known at synth time. */
  | { readonly kind: 'unresolvable'; readonly property: string; readonly why: string }
  /** A group of the template, and the parameter's value in it (absent when the group does not set it). */
  | { readonly kind: 'group'; readonly logicalId: string; readonly property: string; readonly value: Value };

/**
 * A parameter's value in a group's raw `Parameters`: a map `{ name: value }` (RDS) or a list of
 * `{ ParameterName, ParameterValue }` (Redshift).
 */
export function parameterValue(index: TemplateIndex, parameters: unknown, name: string): Value {
  if (parameters === undefined || parameters === null) return ABSENT;
  if (isIntrinsic(parameters)) return { kind: 'unresolvable', why: 'Parameters given by an intrinsic' };
  if (Array.isArray(parameters)) {
    let hidden = false;
    for (const item of parameters) {
      if (isIntrinsic(item)) hidden = true;
      else if (item && typeof item === 'object' && (item as { ParameterName?: unknown }).ParameterName === name) {
        return index.classify((item as { ParameterValue?: unknown }).ParameterValue);
      }
    }
    return hidden ? { kind: 'unresolvable', why: 'a parameter given by an intrinsic' } : ABSENT;
  }
  if (typeof parameters === 'object') return index.classify((parameters as Record<string, unknown>)[name]);
  return ABSENT;
}

/** The setting `parameter` in the group a database names by `groupProperty`, the group being of `groupType`. */
export function parameterGroupSetting(ctx: ResourceContext, groupProperty: string, groupType: string, parameter: string): ParameterGroupSetting {
  const group = ctx.prop(groupProperty);
  switch (group.kind) {
    case 'absent':
      return { kind: 'default' };
    case 'unresolvable':
      return { kind: 'unresolvable', property: groupProperty, why: group.why };
    case 'known': {
      const name = String(group.value);
      return name.startsWith('default.') ? { kind: 'default', name } : { kind: 'external', name };
    }
    case 'reference': {
      const type = ctx.index.typeOf(group.logicalId);
      if (type !== groupType) return { kind: 'unresolvable', property: groupProperty, why: `a reference to ${group.logicalId} (${type})` };
      const parameters = ctx.index.resource(group.logicalId)?.Properties?.Parameters;
      return { kind: 'group', logicalId: group.logicalId, property: `${group.logicalId}.Parameters.${parameter}`, value: parameterValue(ctx.index, parameters, parameter) };
    }
  }
}

/** A server setting a parameter group must turn on. */
export interface RequiredParameter {
  readonly parameter: string;
  /** True when a (known) value turns it on. */
  isOn(value: unknown): boolean;
  /** For messages: "rds.force_ssl = 1". */
  readonly label: string;
}

/**
 * The verdict for a database whose parameter group must turn `required` on: the default group
 * fails (it never does), a group the template does not declare is unverifiable (warning), a group
 * of the template must set it.
 */
export function requireGroupParameter(ctx: ResourceContext, groupProperty: string, groupType: string, required: RequiredParameter): Verdict | undefined {
  const group = parameterGroupSetting(ctx, groupProperty, groupType, required.parameter);
  switch (group.kind) {
    case 'default':
      return fail(`it uses ${group.name ? `the default parameter group ${group.name}` : 'the default parameter group'}, which does not set ${required.label}`, groupProperty);
    case 'external':
      return unresolvable(groupProperty, `parameter group ${group.name} is not declared in this template`);
    case 'unresolvable':
      return unresolvable(group.property, group.why);
    case 'group': {
      const { value } = group;
      if (value.kind === 'unresolvable') return unresolvable(group.property, value.why);
      if (value.kind === 'reference') return unresolvable(group.property, 'a reference to another resource');
      if (value.kind === 'absent') return fail(`parameter group ${group.logicalId} does not set ${required.label}`, groupProperty);
      return required.isOn(value.value) ? undefined : fail(`parameter group ${group.logicalId} sets ${required.parameter} = ${String(value.value)}, not ${required.label}`, groupProperty);
    }
  }
}

/**
 * The verdict for a parameter group resource whose engine is secure by default: only a literal
 * value that turns the setting off (`isOff`) fails; an intrinsic value warns.
 */
export function forbidParameterValue(ctx: ResourceContext, name: string, isOff: (value: string) => boolean, problem: string): Verdict | undefined {
  const value = parameterValue(ctx.index, ctx.properties.Parameters, name);
  if (value.kind === 'unresolvable') return unresolvable(`Parameters.${name}`, value.why);
  return value.kind === 'known' && isOff(String(value.value).trim().toLowerCase()) ? fail(problem, `Parameters.${name}`) : undefined;
}
