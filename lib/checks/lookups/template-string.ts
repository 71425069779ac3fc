import type { TemplateIndex } from '../template-index';
import type { ResourceContext } from '../types';
import { intrinsicName, isIntrinsic } from '../values';

/**
 * A string-valued template expression rendered to text. Parts fixed per deployment but known to
 * be safe to name (pseudo parameters, attributes of this template's resources) become
 * placeholders, `${AWS::AccountId}` or `${Role.Arn}`, the way `Fn::Sub` writes them; anything
 * the template cannot decide (a parameter, `Fn::If`, `Fn::ImportValue`…) makes the whole value
 * unresolvable. Shared by the rules that read ARNs and credentials out of `Fn::Join`/`Fn::Sub`
 * (CDK writes `arn:${AWS::Partition}:iam::${AWS::AccountId}:root` and
 * `{{resolve:secretsmanager:${Secret}:SecretString:password::}}` that way).
 */
export type Rendered = { readonly text: string } | { readonly unresolvable: string };

/** The pseudo parameter that stands for the stack's own account, as a placeholder. */
export const OWN_ACCOUNT = '${AWS::AccountId}';

const PSEUDO = /^AWS::[A-Za-z]+$/;
const SUB_VARIABLE = /\$\{(!?)([^}]*)\}/g;

function placeholder(index: TemplateIndex, name: string): Rendered {
  if (name === 'AWS::NoValue') return { unresolvable: 'AWS::NoValue' };
  if (PSEUDO.test(name)) return { text: `\${${name}}` };
  if (index.hasResource(name.split('.')[0])) return { text: `\${${name}}` };
  return { unresolvable: `parameter ${name}` };
}

function renderSub(index: TemplateIndex, text: string, variables: Record<string, unknown>): Rendered {
  let why: string | undefined;
  const out = text.replace(SUB_VARIABLE, (whole, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    if (why !== undefined) return whole;
    const rendered = name in variables ? renderString(index, variables[name]) : placeholder(index, name);
    if ('unresolvable' in rendered) {
      why = rendered.unresolvable;
      return whole;
    }
    return rendered.text;
  });
  return why === undefined ? { text: out } : { unresolvable: why };
}

/** Renders a string-valued template expression (literal, `Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`). */
export function renderString(index: TemplateIndex, raw: unknown): Rendered {
  if (typeof raw === 'string') return { text: raw };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { text: String(raw) };
  if (!isIntrinsic(raw)) return { unresolvable: 'not a string' };
  const name = intrinsicName(raw);
  const arg = raw[name];
  if (name === 'Ref' && typeof arg === 'string') return placeholder(index, arg);
  if (name === 'Fn::GetAtt') {
    const path = Array.isArray(arg) ? arg.join('.') : String(arg);
    return index.hasResource(path.split('.')[0]) ? { text: `\${${path}}` } : { unresolvable: `Fn::GetAtt of ${path}` };
  }
  if (name === 'Fn::Join' && Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
    const parts: string[] = [];
    for (const part of arg[1]) {
      const rendered = renderString(index, part);
      if ('unresolvable' in rendered) return rendered;
      parts.push(rendered.text);
    }
    return { text: parts.join(arg[0]) };
  }
  if (name === 'Fn::Sub') {
    if (typeof arg === 'string') return renderSub(index, arg, {});
    if (Array.isArray(arg) && typeof arg[0] === 'string' && arg[1] && typeof arg[1] === 'object') {
      return renderSub(index, arg[0], arg[1] as Record<string, unknown>);
    }
  }
  return { unresolvable: name };
}

/** True when rendered text holds no literal part: only placeholders (`${Role.Arn}`). */
export function isOnlyPlaceholders(text: string): boolean {
  return text.replace(SUB_VARIABLE, '').trim() === '';
}

/**
 * The raw value at a dotted property path, itself possibly an intrinsic (for rules that render
 * `Fn::Join`/`Fn::Sub` values); an intrinsic met on the way (a block under `Fn::If`) is unresolvable.
 */
export function rawAt(ctx: Pick<ResourceContext, 'properties'>, path: string): { readonly value: unknown } | { readonly unresolvable: string } {
  let current: unknown = ctx.properties;
  const segments = path.split('.');
  for (let i = 0; i < segments.length; i++) {
    if (current === null || current === undefined || typeof current !== 'object') return { value: undefined };
    if (isIntrinsic(current) && (current as { Ref?: unknown }).Ref === 'AWS::NoValue') return { value: undefined };
    if (isIntrinsic(current)) return { unresolvable: `${Object.keys(current)[0]} at ${segments.slice(0, i).join('.') || 'the top'}` };
    current = (current as Record<string, unknown>)[segments[i]];
  }
  return { value: current };
}
