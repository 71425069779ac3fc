import type { TemplateIndex } from '../template-index';
import { isIntrinsic, intrinsicName } from '../values';

/**
 * What a string-valued property is known to say at synth time. ARNs are mostly built with
 * `Fn::Join` / `Fn::Sub` from pseudo parameters and references to resources of the template: their
 * value is fixed per deployment and can never be a wildcard, so rules can still read the literal
 * parts. Such placeholders are written `${AWS::AccountId}` / `${Bucket}` / `${Bucket.Arn}`.
 * A parameter, a condition (`Fn::If`), an import, a lookup, or an output of a custom resource or
 * nested stack can be anything: `known: false`.
 */
export type Text = { readonly known: true; readonly text: string } | { readonly known: false; readonly why: string };

const PSEUDO = new Set(['AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::StackName', 'AWS::StackId']);

function known(text: string): Text {
  return { known: true, text };
}

function unknown(why: string): Text {
  return { known: false, why };
}

/** A resource's Ref or attribute: fixed per deployment, except for custom resources and nested stacks, whose outputs can be anything. */
function resourceText(index: TemplateIndex, target: string): Text {
  const id = target.split('.')[0];
  if (!index.hasResource(id)) return unknown(`Fn::GetAtt of ${target}`);
  if (index.outputsKnownOnlyAtDeploy(id)) return unknown(`an output of ${index.typeOf(id)} ${id}, known only at deploy`);
  return known(`\${${target}}`);
}

function refText(index: TemplateIndex, name: string): Text {
  if (PSEUDO.has(name)) return known(`\${${name}}`);
  return index.hasResource(name.split('.')[0]) ? resourceText(index, name) : unknown(`parameter ${name}`);
}

function subText(index: TemplateIndex, arg: unknown): Text {
  const [body, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
  if (typeof body !== 'string') return unknown('Fn::Sub with a computed body');
  const variables = vars && typeof vars === 'object' && !isIntrinsic(vars) ? (vars as Record<string, unknown>) : {};
  let out = '';
  let last = 0;
  for (const m of body.matchAll(/\$\{([^}]*)\}/g)) {
    out += body.slice(last, m.index);
    last = m.index! + m[0].length;
    const name = m[1];
    if (name.startsWith('!')) {
      out += `\${${name.slice(1)}}`;
      continue;
    }
    const part = name in variables ? textOf(index, variables[name]) : refText(index, name);
    if (!part.known) return part;
    out += part.text;
  }
  return known(out + body.slice(last));
}

/** The text of a string-valued property (see {@link Text}). */
export function textOf(index: TemplateIndex, raw: unknown): Text {
  if (typeof raw === 'string') return known(raw);
  if (typeof raw === 'number' || typeof raw === 'boolean') return known(String(raw));
  if (!isIntrinsic(raw)) return unknown('not a string');
  const name = intrinsicName(raw);
  const arg = raw[name];
  switch (name) {
    case 'Ref':
      return typeof arg === 'string' ? refText(index, arg) : unknown('Ref');
    case 'Fn::GetAtt':
      return resourceText(index, Array.isArray(arg) ? arg.join('.') : String(arg));
    case 'Fn::Sub':
      return subText(index, arg);
    case 'Fn::Join': {
      if (!Array.isArray(arg) || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) return unknown('Fn::Join of a computed list');
      const parts: string[] = [];
      for (const item of arg[1]) {
        const part = textOf(index, item);
        if (!part.known) return part;
        parts.push(part.text);
      }
      return known(parts.join(arg[0]));
    }
    default:
      return unknown(name);
  }
}

/**
 * Whether a value (or a list: any of its items) can be the wildcard `*` (a Resource or a Principal): `yes` when it is, `no` when
 * it cannot be (a literal, or an ARN built from references), `unknown` when the template cannot
 * tell (a parameter, or an `Fn::If` one of whose branches is or may be `*`).
 */
export function wildcardStatus(index: TemplateIndex, raw: unknown): { status: 'yes' | 'no' } | { status: 'unknown'; why: string } {
  if (Array.isArray(raw)) {
    const statuses = raw.map((item) => wildcardStatus(index, item));
    return statuses.find((s) => s.status === 'yes') ?? statuses.find((s) => s.status === 'unknown') ?? { status: 'no' };
  }
  if (isIntrinsic(raw) && intrinsicName(raw) === 'Fn::If') {
    const branches = Array.isArray(raw['Fn::If']) ? (raw['Fn::If'] as unknown[]).slice(1) : [];
    const open = branches.some((b) => wildcardStatus(index, b).status !== 'no');
    return open ? { status: 'unknown', why: 'Fn::If with a branch that may be "*"' } : { status: 'no' };
  }
  const text = textOf(index, raw);
  if (!text.known) return { status: 'unknown', why: text.why };
  return { status: text.text === '*' ? 'yes' : 'no' };
}
