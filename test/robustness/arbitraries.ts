import fc from 'fast-check';
import type { CfnTemplate, StackTemplate } from '../../lib/checks/template';
import { nodePaths, replaceAt } from './unknown-values';

/**
 * fast-check generators of CloudFormation templates for the robustness tests: resources of the
 * types the rules cover and unknown ones, properties of every JSON shape, intrinsics (well and
 * badly formed) in any position, tags in list, map and intrinsic forms, very long strings.
 * Templates are what a loader may hand the engine, so nothing here is guaranteed to be valid
 * CloudFormation.
 */

/** Parameters every generated template declares, so a `Ref` to them is a parameter, not a missing resource. */
export const PARAMETER_NAMES = ['UnknownParameter', 'Flag', 'KeyArn'] as const;
export const CONDITION_NAMES = ['UnknownCondition', 'IsProd'] as const;
export const MAPPING_NAME = 'Settings';
const PSEUDO_PARAMETERS = ['AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::NoValue', 'AWS::StackName', 'AWS::URLSuffix', 'AWS::NotificationARNs', 'AWS::StackId'];
/** Names that are neither parameters nor resources, or that collide with `Object.prototype`. */
const STRAY_NAMES = ['Missing', 'constructor', '__proto__', 'toString', 'hasOwnProperty', ''];

/** Types no rule covers: custom resources and made-up types. */
export const UNKNOWN_TYPES = ['Custom::Thing', 'AWS::Foo::Bar', 'AWS::CloudFormation::CustomResource', 'AWS::S3::Bucket ', 'aws::s3::bucket', ''];

/** Generated objects have Object.prototype (`noNullPrototype`), as JSON.parse and YAML loaders give them. */

/** Logical IDs resources are given and `Ref`/`Fn::GetAtt` aim at (so references often hit). */
export const LOGICAL_IDS = ['Target', 'Other', 'DataSubnet', 'Key', 'Bucket', 'CustomThing', 'Group', 'Listener'];

const TAG_KEYS = ['dpp:classification', 'dpp:data-origin', 'dpp:environment', 'dpp:network-tier', 'dpp:segmented', 'dpp:purpose', 'Name', 'DPP:Classification'];

const INTERESTING_STRINGS = [
  '', ' ', 'true', 'false', 'TRUE', 'False', 'yes', '1', '0', '-1', '80', '443', '22', 'null', 'undefined', 'NaN',
  '*', '0.0.0.0/0', '::/0', '0.0.0.0/00', '10.0.0.0/8', 'tcp', 'udp', '6', 'all', 'icmp',
  'pii', 'PII', 'confidential', 'internal', 'public', 'ecartapi', 'data', 'application', 'prod', 'test', 'security-alerts',
  'Allow', 'Deny', 'kms:*', 's3:*', 'iam:PassRole', 'sts:AssumeRole',
  'AES256', 'aws:kms', 'aws:kms:dsse', 'KMS', 'NONE', 'alias/aws/s3', 'alias/aws/dynamodb', 'alias/mine',
  'SYMMETRIC_DEFAULT', 'RSA_1024', 'RSA_4096', 'HMAC_256', 'AWS_KMS', 'EXTERNAL',
  'PublicRead', 'PublicReadWrite', 'AuthenticatedRead', 'Private', 'Enabled', 'Disabled', 'ENFORCED', 'ON', 'OFF',
  'HTTP', 'HTTPS', 'TLS', 'redirect', 'forward', 'redirect-to-https', 'allow-all', 'TLSv1', 'TLSv1.2_2021', 'TLS_1_0', 'ELBSecurityPolicy-2016-08',
  'arn:aws:iam::111111111111:root', 'arn:aws:iam::999999999999:root', 'arn:aws:iam::*:root', 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd',
  'arn:aws:iam::aws:policy/AdministratorAccess', '123456789012', '111111111111', 'subnet-0123', 'vpc-0123', 'sg-0123',
  'TestStack-QueueName', 'Shared-Export', '${AWS::AccountId}', '${Missing}', '${Target.Arn}', '${!Literal}', '${constructor}', '${', '{{resolve:secretsmanager:Secret:SecretString:password}}',
  'admin', 'root', 'shared', 'user1', 'password', 'hunter2', 'DB_PASSWORD', 'API_TOKEN',
  'line one\nline two', 'tab\there', 'carriage\rreturn', '\u2028', 'é', '\ud800', 'Ref', 'Fn::If', 'Condition', '__proto__', 'constructor',
];

/** Secret-looking values, built at run time so no source file holds such a literal. */
const SECRET_LIKE = fc.oneof(
  fc.stringMatching(/^(AKIA|ASIA)[A-Z0-9]{16}$/),
  fc.stringMatching(/^[A-Za-z0-9/+]{40}$/),
  fc.constant(['-----BEGIN', 'RSA PRIVATE KEY-----\nMIIB\n-----END RSA', 'PRIVATE KEY-----'].join(' ')),
);

/** Strings of 5,000 to 200,000 characters: a rule must neither choke on them nor copy them into a multi-line message. */
const LONG_STRING = fc.tuple(fc.integer({ min: 5_000, max: 200_000 }), fc.constantFrom('A', 'ab ', '0.0.0.0/0 ', '${X}', 'é\n', '*')).map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

export const stringArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...INTERESTING_STRINGS), weight: 8 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: SECRET_LIKE, weight: 1 },
  { arbitrary: LONG_STRING, weight: 1 },
);

export const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 7, 12, 22, 30, 80, 90, 365, 443, 1024, 3389, 65535, 65536, 2 ** 53, Number.MAX_VALUE),
  fc.integer(),
  // NaN and ±Infinity: YAML's .nan and .inf load as such.
  fc.double(),
);

/** Values of the wrong shape for almost any property: null, empties, a list of null. */
export const WRONG_SHAPES: readonly unknown[] = [null, {}, [], '', 0, [null], [[]], [{}], { Ref: 'AWS::NoValue' }];

const leafArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: stringArb, weight: 5 },
  { arbitrary: numberArb, weight: 2 },
  { arbitrary: fc.boolean(), weight: 2 },
  { arbitrary: fc.constantFrom(...WRONG_SHAPES), weight: 2 },
);

/**
 * Keys never generated: an object with its own `toString` or `valueOf` member makes `String(obj)`
 * throw, which rules do to quote values. Legal JSON, but no CloudFormation property has such a
 * member, and the engine turns the throw into an error-level "could not check" finding: safe.
 */
const CONVERSION_KEYS = new Set(['toString', 'valueOf']);
const notConversionKey = (key: string): boolean => !CONVERSION_KEYS.has(key);

/** Property names: the ones the rules read (taken from the failing seeds) and some odd ones. */
function keyArb(knownKeys: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...knownKeys), weight: 8 },
    { arbitrary: fc.constantFrom('Tags', 'Key', 'Value', 'Ref', 'Fn::If', 'Condition', '__proto__', 'constructor', 'hasOwnProperty', 'length', '0', '', 'a.b'), weight: 1 },
    { arbitrary: fc.string({ maxLength: 8 }).filter(notConversionKey), weight: 1 },
  );
}

const refTargetArb = fc.constantFrom(...PARAMETER_NAMES, ...PSEUDO_PARAMETERS, ...LOGICAL_IDS, ...STRAY_NAMES);
const conditionArb = fc.constantFrom(...CONDITION_NAMES, 'MissingCondition');

/** Every intrinsic function, well formed over `value`, plus malformed shapes of each. */
function intrinsicArb(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const subText = fc.tuple(stringArb, refTargetArb, fc.constantFrom('', '.Arn', '.Outputs.X'), stringArb).map(([a, name, attr, b]) => `${a}\${${name}${attr}}${b}`);
  return fc.oneof(
    refTargetArb.map((name) => ({ Ref: name })),
    fc.tuple(refTargetArb, fc.constantFrom('Arn', 'Outputs.Value', 'Endpoint.Address', '')).map(([id, attr]) => ({ 'Fn::GetAtt': [id, attr] })),
    fc.tuple(refTargetArb, fc.constantFrom('Arn', 'Value')).map(([id, attr]) => ({ 'Fn::GetAtt': `${id}.${attr}` })),
    subText.map((text) => ({ 'Fn::Sub': text })),
    fc.tuple(subText, fc.dictionary(refTargetArb.filter(notConversionKey), value, { maxKeys: 2, noNullPrototype: true })).map(([text, vars]) => ({ 'Fn::Sub': [text, vars] })),
    fc.tuple(conditionArb, value, value).map(([c, a, b]) => ({ 'Fn::If': [c, a, b] })),
    fc.tuple(fc.constantFrom('', ':', ','), fc.array(value, { maxLength: 3 })).map(([sep, parts]) => ({ 'Fn::Join': [sep, parts] })),
    fc.tuple(fc.oneof(fc.nat(3), fc.constant({ Ref: 'UnknownParameter' })), fc.array(value, { maxLength: 3 })).map(([i, list]) => ({ 'Fn::Select': [i, list] })),
    value.map((name) => ({ 'Fn::ImportValue': name })),
    fc.tuple(fc.constantFrom(MAPPING_NAME, 'MissingMap'), fc.oneof(stringArb, fc.constant({ Ref: 'AWS::Region' })), stringArb).map(([m, k1, k2]) => ({ 'Fn::FindInMap': [m, k1, k2] })),
    value.map((v) => ({ 'Fn::Base64': v })),
    fc.constant({ 'Fn::GetAZs': '' }),
    fc.tuple(stringArb, value).map(([sep, v]) => ({ 'Fn::Split': [sep, v] })),
    value.map((v) => ({ 'Fn::ToJsonString': v })),
    conditionArb.map((c) => ({ Condition: c })),
    // Malformed: wrong argument types, extra keys (then it is not an intrinsic at all), unknown functions.
    fc.tuple(fc.constantFrom('Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::If', 'Fn::Join', 'Fn::Select', 'Fn::FindInMap', 'Fn::Nope'), value).map(([name, arg]) => ({ [name]: arg })),
    fc.tuple(refTargetArb, value).map(([name, extra]) => ({ Ref: name, Extra: extra })),
  );
}

/** Any JSON-ish value with intrinsics anywhere, as deep as `maxDepth`. */
export function valueArb(knownKeys: readonly string[], maxDepth = 4): fc.Arbitrary<unknown> {
  const keys = keyArb(knownKeys);
  const { value } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown>; intrinsic: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth, depthIdentifier: 'cfn-value' },
      { arbitrary: leafArb, weight: 5 },
      { arbitrary: tie('array'), weight: 1 },
      { arbitrary: tie('object'), weight: 2 },
      { arbitrary: tie('intrinsic'), weight: 2 },
    ),
    array: fc.array(tie('value'), { maxLength: 4, depthIdentifier: 'cfn-value' }),
    object: fc.dictionary(keys, tie('value'), { maxKeys: 5, depthIdentifier: 'cfn-value', noNullPrototype: true }),
    intrinsic: intrinsicArb(tie('value')),
  }));
  return value;
}

/** Tags in every form: a `{Key, Value}` list (entries possibly intrinsics), a map, an intrinsic, or the wrong type. */
export function tagsArb(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const key = fc.oneof({ arbitrary: fc.constantFrom(...TAG_KEYS), weight: 6 }, { arbitrary: value, weight: 1 });
  const tagValue = fc.oneof({ arbitrary: fc.constantFrom('pii', 'confidential', 'internal', 'public', 'ecartapi', 'data', 'prod', 'test', 'security-alerts', 'true'), weight: 4 }, { arbitrary: value, weight: 2 });
  const entry = fc.oneof(
    { arbitrary: fc.record({ Key: key, Value: tagValue }, { noNullPrototype: true }), weight: 6 },
    { arbitrary: fc.record({ Key: key }, { noNullPrototype: true }), weight: 1 },
    { arbitrary: value, weight: 1 },
  );
  return fc.oneof(
    { arbitrary: fc.array(entry, { maxLength: 5 }), weight: 6 },
    { arbitrary: fc.dictionary(fc.constantFrom(...TAG_KEYS), tagValue, { maxKeys: 4, noNullPrototype: true }), weight: 2 },
    { arbitrary: value, weight: 1 },
  );
}

export interface TemplateVocabulary {
  /** Resource types the rules cover. */
  readonly types: readonly string[];
  /** Property names the rules read. */
  readonly keys: readonly string[];
  /** The resources of templates known to fail a rule (logical ID → resource), perturbed to reach the rules' deeper branches. */
  readonly seedTemplates: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** One resource built from scratch: a type, and Properties of any shape (usually an object of known keys with tags). */
function freshResourceArb(vocabulary: TemplateVocabulary, value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const type = fc.oneof({ arbitrary: fc.constantFrom(...vocabulary.types), weight: 8 }, { arbitrary: fc.constantFrom(...UNKNOWN_TYPES), weight: 1 });
  const tagProperty = fc.constantFrom('Tags', 'Tags', 'Tags', 'FileSystemTags', 'BackupVaultTags');
  const objectProperties = fc.tuple(fc.dictionary(keyArb(vocabulary.keys), value, { maxKeys: 6, noNullPrototype: true }), fc.option(fc.tuple(tagProperty, tagsArb(value)), { nil: undefined }))
    .map(([props, tag]) => (tag ? { ...props, [tag[0]]: tag[1] } : props));
  const properties = fc.oneof({ arbitrary: objectProperties, weight: 10 }, { arbitrary: value, weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
  return fc.record(
    { Type: type, Properties: properties, Condition: conditionArb, DependsOn: fc.constantFrom(...LOGICAL_IDS), Metadata: value, DeletionPolicy: fc.constantFrom('Retain', 'Delete', 'Snapshot') },
    { requiredKeys: ['Type'], noNullPrototype: true },
  );
}

/** The resources of a failing seed with up to three of their nodes replaced by random values. */
function perturbedSeedArb(vocabulary: TemplateVocabulary, value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(...vocabulary.seedTemplates).chain((resources) => {
    const sites = Object.entries(resources).flatMap(([id, resource]) => nodePaths(resource).map((path) => [id, path] as const));
    if (sites.length === 0) return fc.constant({ ...resources });
    return fc.array(fc.tuple(fc.constantFrom(...sites), value), { maxLength: 3 })
      .map((edits) => edits.reduce<Record<string, unknown>>((acc, [[id, path], v]) => ({ ...acc, [id]: replaceAt(acc[id], path, v) }), { ...resources }));
  });
}

/** A resource entry as a loader may hand it over: usually a resource, sometimes not even an object. */
function resourceEntryArb(vocabulary: TemplateVocabulary, value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: freshResourceArb(vocabulary, value), weight: 10 },
    { arbitrary: fc.record({ Type: value, Properties: value }, { noNullPrototype: true }), weight: 1 },
    { arbitrary: leafArb, weight: 1 },
  );
}

/** More parameters, secret-looking or not: `NoEcho` in its spellings, defaults of any shape. */
function parametersArb(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const parameter = fc.record(
    { Type: fc.constantFrom('String', 'Number', 'CommaDelimitedList', 'AWS::SSM::Parameter::Value<String>'), NoEcho: fc.oneof(fc.constantFrom(true, 'true', 'TRUE', false, 'false'), value), Default: value },
    { requiredKeys: [], noNullPrototype: true },
  );
  return fc.oneof(fc.dictionary(fc.constantFrom('DbPassword', 'ApiToken', 'Plain'), fc.oneof({ arbitrary: parameter, weight: 8 }, { arbitrary: value, weight: 1 }), { maxKeys: 3, noNullPrototype: true }), value);
}

/** Outputs, some exported under names other stacks import (`Fn::ImportValue` is among the intrinsics). */
function outputsArb(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const exportName = fc.oneof(fc.constantFrom('Shared-Export', 'TestStack-QueueName', 'SharedExport'), fc.constant({ 'Fn::Sub': '${AWS::StackName}-Queue' }), value);
  const output = fc.record({ Value: value, Export: fc.oneof(fc.record({ Name: exportName }, { noNullPrototype: true }), value) }, { requiredKeys: ['Value'], noNullPrototype: true });
  return fc.oneof({ arbitrary: fc.dictionary(fc.constantFrom('Out', 'QueueName', 'Arn'), output, { maxKeys: 2, noNullPrototype: true }), weight: 6 }, { arbitrary: value, weight: 1 });
}

/** A template: fixed Parameters, Conditions and Mappings (so intrinsics find them) with generated extra ones, outputs, and 0–6 resources. */
export function templateArb(vocabulary: TemplateVocabulary): fc.Arbitrary<CfnTemplate> {
  const value = valueArb(vocabulary.keys);
  const fresh = fc.dictionary(fc.constantFrom(...LOGICAL_IDS, 'constructor', '__proto__'), resourceEntryArb(vocabulary, value), { minKeys: 0, maxKeys: 6, noNullPrototype: true });
  // Half the templates build on a failing seed, so rules that relate resources (a user and its group) get past "not applicable".
  const resources = fc.tuple(fc.option(perturbedSeedArb(vocabulary, value), { nil: undefined, freq: 2 }), fresh).map(([seed, more]) => ({ ...seed, ...more }));
  const resourcesField = fc.oneof({ arbitrary: resources, weight: 30 }, { arbitrary: leafArb, weight: 1 }, { arbitrary: fc.array(value, { maxLength: 2 }), weight: 1 });
  const extras = fc.record({ parameters: fc.option(parametersArb(value), { nil: undefined }), outputs: fc.option(outputsArb(value), { nil: undefined }) });
  return fc.tuple(resourcesField, extras).map(([res, { parameters, outputs }]) => ({
    Parameters: { ...Object.fromEntries(PARAMETER_NAMES.map((name) => [name, { Type: 'String' }])), ...(parameters && typeof parameters === 'object' ? (parameters as Record<string, unknown>) : {}) },
    Conditions: Object.fromEntries(CONDITION_NAMES.map((name) => [name, { 'Fn::Equals': [{ Ref: 'UnknownParameter' }, 'yes'] }])),
    Mappings: { [MAPPING_NAME]: { 'eu-west-1': { Value: 'true' } } },
    Resources: res,
    ...(outputs !== undefined ? { Outputs: outputs } : {}),
  }) as unknown as CfnTemplate);
}

/** One to three stacks (app rules compare them), with or without account, region and environment. */
export function stacksArb(vocabulary: TemplateVocabulary): fc.Arbitrary<StackTemplate[]> {
  const stack = fc.record(
    { template: templateArb(vocabulary), stackName: fc.constantFrom('Test', 'Prod', 'dpp-test', 'dpp-prod', ''), account: fc.constantFrom('111111111111', '222222222222', '', 'not-an-account'), region: fc.constantFrom('eu-west-1', 'us-east-1', '') },
    { requiredKeys: ['template'], noNullPrototype: true },
  );
  return fc.array(stack, { minLength: 1, maxLength: 3 }).map((stacks) => stacks.map((s, i) => ({ id: `Stack${i}`, ...s })));
}
