import type { TemplateIndex } from '../template-index';
import type { ResourceContext } from '../types';
import { isIntrinsic } from '../values';
import { textOf } from './intrinsic-text';

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

const SUB_VARIABLE = /\$\{(!?)([^}]*)\}/g;

/**
 * Renders a string-valued template expression (literal, `Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`):
 * the {@link textOf} reading, in the shape the credential and key rules use.
 */
export function renderString(index: TemplateIndex, raw: unknown): Rendered {
  const text = textOf(index, raw);
  return text.known ? { text: text.text } : { unresolvable: text.why };
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
