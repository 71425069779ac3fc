import type { TemplateIndex } from '../template-index';
import type { Verdict } from '../types';
import { fail, unresolvable } from '../types';
import { intrinsicName, isIntrinsic } from '../values';
import { isOnlyPlaceholders, renderString } from './template-string';

/**
 * The heuristics of DPP 3.5 Secure Coding Practices ("no hardcoded credential"), in one place so
 * every rule that looks for a credential in a template agrees on what a secret looks like and on
 * where a value may safely come from.
 */

/**
 * Where a credential-bearing value comes from:
 * - `safe`: a Secrets Manager or SSM SecureString dynamic reference, a `NoEcho` parameter without
 *   a default, an attribute of a resource created at deploy, or nothing;
 * - `literal`: text written into the template (directly, or as a parameter's `Default`);
 * - `plain-parameter`: a `{{resolve:ssm:…}}` reference, i.e. a plain String parameter;
 * - `unresolvable`: decided at deploy (a parameter that is not `NoEcho`, an import…).
 */
export type CredentialSource =
  | { readonly kind: 'safe' }
  | { readonly kind: 'literal'; readonly text: string; readonly origin: string }
  | { readonly kind: 'plain-parameter'; readonly text: string }
  | { readonly kind: 'unresolvable'; readonly why: string };

const SAFE: CredentialSource = { kind: 'safe' };
const SECRET_REFERENCE = /^\{\{resolve:(?:secretsmanager|ssm-secure):/;
const PLAIN_SSM_REFERENCE = /^\{\{resolve:ssm:/;

/** True for a Secrets Manager or SSM SecureString dynamic reference. */
export function isSecretReference(text: string): boolean {
  return SECRET_REFERENCE.test(text);
}

function ofText(text: string, origin: string): CredentialSource {
  if (text === '' || isSecretReference(text)) return SAFE;
  if (PLAIN_SSM_REFERENCE.test(text)) return { kind: 'plain-parameter', text };
  return { kind: 'literal', text, origin };
}

/**
 * True for a parameter CloudFormation fills from SSM Parameter Store (`AWS::SSM::Parameter::Value<String>`,
 * CDK's `valueForStringParameter`): its Default is the name of an SSM parameter, not a value.
 */
export function isSsmParameterType(type: unknown): boolean {
  return typeof type === 'string' && type.startsWith('AWS::SSM::Parameter::Value<');
}

function ofParameter(index: TemplateIndex, name: string): CredentialSource {
  const parameter = index.stack.template.Parameters?.[name];
  if (!parameter) return { kind: 'unresolvable', why: `parameter ${name}` };
  // Such parameters cannot be SecureString: the value is a plain String parameter.
  if (isSsmParameterType(parameter.Type)) return { kind: 'plain-parameter', text: String(parameter.Default ?? '') };
  if (parameter.Default !== undefined && parameter.Default !== null && String(parameter.Default) !== '') {
    return ofText(String(parameter.Default), `the Default of parameter ${name}`);
  }
  return isNoEcho(parameter.NoEcho) ? SAFE : { kind: 'unresolvable', why: `parameter ${name}, which is not NoEcho` };
}

/** True when a parameter's `NoEcho` is set (`true` or `"true"`). */
export function isNoEcho(noEcho: unknown): boolean {
  return noEcho === true || (typeof noEcho === 'string' && noEcho.toLowerCase() === 'true');
}

/** Where the raw value of a credential property or variable comes from (see {@link CredentialSource}). */
export function credentialSource(index: TemplateIndex, raw: unknown): CredentialSource {
  if (raw === undefined || raw === null) return SAFE;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return ofText(String(raw), 'the template');
  if (!isIntrinsic(raw)) return { kind: 'unresolvable', why: 'not a string' };
  const name = intrinsicName(raw);
  const arg = raw[name];
  if (name === 'Ref' && typeof arg === 'string') {
    // Pseudo parameters and resources' Refs are deploy-time identifiers, never a written secret.
    if (arg.startsWith('AWS::') || index.hasResource(arg)) return SAFE;
    return ofParameter(index, arg);
  }
  if (name === 'Fn::GetAtt') return SAFE;
  if (name === 'Fn::If' && Array.isArray(arg)) {
    // A literal in either branch is written in the template whichever branch deploys.
    const branches = [arg[1], arg[2]].map((b) => credentialSource(index, b));
    return branches.find((b) => b.kind === 'literal' || b.kind === 'plain-parameter')
      ?? branches.find((b) => b.kind === 'unresolvable')
      ?? SAFE;
  }
  const rendered = renderString(index, raw);
  if ('unresolvable' in rendered) return { kind: 'unresolvable', why: rendered.unresolvable };
  if (isOnlyPlaceholders(rendered.text)) return SAFE;
  return ofText(rendered.text, 'the template');
}

// Built without writing a key-shaped literal: a repository hook rejects those outside test/.
const ACCESS_KEY_ID = new RegExp(`\\b(?:A[KS]IA)[A-Z0-9]{16}\\b`);
const SECRET_ACCESS_KEY = /^[A-Za-z0-9/+=]{40}$/;
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;

/** What a literal value looks like when it looks like a secret ("an AWS access key ID"), else undefined. */
export function secretLikeValue(text: string): string | undefined {
  if (ACCESS_KEY_ID.test(text)) return 'an AWS access key ID';
  if (PRIVATE_KEY_BLOCK.test(text)) return 'a private key block';
  // Mixed case keeps out 40-digit hex digests (commit SHAs), which are common in build variables.
  if (SECRET_ACCESS_KEY.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text) && /[0-9/+]/.test(text)) return 'a 40-character secret access key';
  return undefined;
}

const SECRET_WORDS = /password|passwd|passphrase|secret|token|apikey|privatekey|accesskey|credential|encryptionkey|signingkey/;
/** Name endings that say the variable names or locates a secret rather than holding it (`DB_SECRET_ARN`). */
const REFERENCE_SUFFIXES = new Set([
  'arn', 'name', 'id', 'ids', 'url', 'uri', 'path', 'param', 'parameter', 'ref', 'file', 'table', 'bucket', 'region',
  'endpoint', 'ttl', 'length', 'expiry', 'expiration', 'header', 'type', 'location', 'version', 'prefix', 'field',
  'enabled', 'policy', 'rotation', 'seconds', 'minutes', 'hours', 'days', 'lifetime', 'age', 'count', 'size', 'store',
  'provider', 'source',
]);
const NOT_A_SECRET_VALUE = /^(?:true|false|yes|no|on|off|enabled|disabled|none|null)$/i;

/** True when a variable's name says it holds a secret (`DB_PASSWORD`, `apiKey`), not when it names one (`DB_PASSWORD_SECRET_ARN`). */
export function secretLikeName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0 || REFERENCE_SUFFIXES.has(words[words.length - 1])) return false;
  return SECRET_WORDS.test(words.join(''));
}

/**
 * Why a named value (an environment variable) is a hardcoded credential, or undefined when it is
 * not: a literal that looks like a secret, or a literal under a secret-like name. A value that
 * is itself a reference (an ARN, a boolean flag) is not a secret.
 */
export function hardcodedSecretProblem(name: string, source: CredentialSource): string | undefined {
  if (source.kind === 'plain-parameter') {
    return secretLikeName(name) ? `${name} comes from a plain SSM String parameter, not a SecureString or Secrets Manager` : undefined;
  }
  if (source.kind !== 'literal') return undefined;
  const looksLike = secretLikeValue(source.text);
  if (looksLike) return `${name} holds what looks like ${looksLike} (from ${source.origin})`;
  if (secretLikeName(name) && !source.text.startsWith('arn:') && !NOT_A_SECRET_VALUE.test(source.text)) {
    return `${name} looks like a secret and has a literal value (from ${source.origin})`;
  }
  return undefined;
}

/**
 * The verdict on a property that holds a credential (a master password, a login password): it
 * must not be written in the template. The message never repeats the value.
 */
export function credentialVerdict(source: CredentialSource, property: string): Verdict | undefined {
  switch (source.kind) {
    case 'literal': return fail(`${property} is hardcoded (a literal in ${source.origin})`, property);
    case 'plain-parameter': return fail(`${property} comes from a plain SSM String parameter, not a SecureString or Secrets Manager`, property);
    case 'unresolvable': return unresolvable(property, source.why);
    default: return undefined;
  }
}
