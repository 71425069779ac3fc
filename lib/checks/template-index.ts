import type { CfnResource, StackTemplate } from './template';
import { ABSENT, classify, isIntrinsic, type Value } from './values';
import { TAG_ENVIRONMENT, TAG_ENVIRONMENT_KIND } from './vocabulary';

/** Where one resource refers to another (`Ref`, `Fn::GetAtt`, `${X}` in `Fn::Sub`). */
export interface Reference {
  /** The referring resource. */
  readonly from: string;
  /** The referred-to resource. */
  readonly to: string;
  /** Dotted path of the property holding the reference, e.g. `Properties.Bucket`. */
  readonly path: string;
}

const SUB_VARIABLE = /\$\{([^!}][^}]*)\}/g;

/** Resource types that keep their tags in a property other than `Tags`. */
const TAG_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::EFS::FileSystem': 'FileSystemTags',
  'AWS::Backup::BackupVault': 'BackupVaultTags',
};

/** The property a resource type keeps its tags in (`Tags` for most; global tables keep them per replica). */
export function tagPropertyOf(type: string): string {
  return TAG_PROPERTY[type] ?? 'Tags';
}

/** The property that gives a resource its physical name, for the types other resources name literally. */
const NAME_PROPERTY: ReadonlyMap<string, string> = new Map(Object.entries({
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
}));

type NameOf = (text: string) => string | undefined;
const plainName: NameOf = (text) => (/^[^:/${}]+$/.test(text) ? text : undefined);
/** `arn:aws:sns:eu-west-1:111111111111:alerts`, or the same built with `${AWS::Region}`-style placeholders. */
const arnLastField = (service: string): NameOf => (text) => new RegExp(`^arn:[^:]*:${service}:[^:]*:[^:]*:([^:/${'$'}{}]+)$`).exec(text)?.[1];
/** A queue URL: `https://sqs.<region>.amazonaws.com/<account>/<name>`. */
const queueUrlName: NameOf = (text) => /^https:\/\/sqs\.[^/]+\/[^/]+\/([^/${}]+)$/.exec(text)?.[1];
/** An IAM policy ARN: `arn:aws:iam::<account>:policy/<path/>name`. */
const policyArnName: NameOf = (text) => /^arn:[^:]*:iam::[^:]*:policy\/(?:[^${}]*\/)?([^/${}]+)$/.exec(text)?.[1];

/**
 * Properties that may name another resource of the template by its literal physical name or an ARN
 * built from it (`Fn::Sub`/`Fn::Join` with pseudo parameters), by referring type: the property, the
 * named type and how to read the name. Such a literal is indexed like a `Ref`, so "has no bucket
 * policy" is never said of a bucket whose policy names it.
 */
const LITERAL_REFERENCES: ReadonlyMap<string, ReadonlyArray<readonly [string, string, NameOf]>> = new Map(Object.entries({
  'AWS::S3::BucketPolicy': [['Bucket', 'AWS::S3::Bucket', plainName]],
  'AWS::SNS::TopicPolicy': [['Topics', 'AWS::SNS::Topic', arnLastField('sns')]],
  'AWS::SNS::TopicInlinePolicy': [['TopicArn', 'AWS::SNS::Topic', arnLastField('sns')]],
  'AWS::SNS::Subscription': [['TopicArn', 'AWS::SNS::Topic', arnLastField('sns')]],
  'AWS::SQS::QueuePolicy': [['Queues', 'AWS::SQS::Queue', queueUrlName]],
  'AWS::SQS::QueueInlinePolicy': [['Queue', 'AWS::SQS::Queue', queueUrlName]],
  'AWS::IAM::Policy': [['Roles', 'AWS::IAM::Role', plainName], ['Groups', 'AWS::IAM::Group', plainName], ['Users', 'AWS::IAM::User', plainName]],
  'AWS::IAM::ManagedPolicy': [['Roles', 'AWS::IAM::Role', plainName], ['Groups', 'AWS::IAM::Group', plainName], ['Users', 'AWS::IAM::User', plainName]],
  'AWS::IAM::RolePolicy': [['RoleName', 'AWS::IAM::Role', plainName]],
  'AWS::IAM::GroupPolicy': [['GroupName', 'AWS::IAM::Group', plainName]],
  'AWS::IAM::UserPolicy': [['UserName', 'AWS::IAM::User', plainName]],
  'AWS::IAM::Role': [['ManagedPolicyArns', 'AWS::IAM::ManagedPolicy', policyArnName]],
  'AWS::IAM::Group': [['ManagedPolicyArns', 'AWS::IAM::ManagedPolicy', policyArnName]],
  'AWS::IAM::User': [['ManagedPolicyArns', 'AWS::IAM::ManagedPolicy', policyArnName], ['Groups', 'AWS::IAM::Group', plainName]],
  'AWS::IAM::UserToGroupAddition': [['GroupName', 'AWS::IAM::Group', plainName], ['Users', 'AWS::IAM::User', plainName]],
} as Record<string, ReadonlyArray<readonly [string, string, NameOf]>>));

/**
 * The text of a literal, an `Fn::Sub` without variables map, or an `Fn::Join` of literals and
 * pseudo-parameter `Ref`s, with pseudo parameters written `<AWS-Region>` (no `:` inside, so ARN
 * fields still split on `:`); other `${…}` variables of an `Fn::Sub` stay as written. Undefined otherwise.
 */
export function literalText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const obj = raw as Record<string, unknown>;
  if (typeof obj['Fn::Sub'] === 'string') return obj['Fn::Sub'].replace(/\$\{AWS::([A-Za-z]+)\}/g, '<AWS-$1>');
  const join = obj['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts: string[] = [];
    for (const part of join[1] as unknown[]) {
      const ref = part && typeof part === 'object' ? (part as { Ref?: unknown }).Ref : undefined;
      if (typeof part === 'string') parts.push(part);
      else if (typeof ref === 'string' && ref.startsWith('AWS::')) parts.push(`<AWS-${ref.slice(5)}>`);
      else return undefined;
    }
    return parts.join(join[0]);
  }
  return undefined;
}

/** Resources whose `Ref` and attributes are computed at deploy: custom resources and nested stacks. */
const OPAQUE_OUTPUT_TYPE = /^(?:Custom::|AWS::CloudFormation::CustomResource$|AWS::CloudFormation::Stack$)/;

/** A resource whose property (typically a reference to another resource) the template cannot decide. */
export interface UnresolvableProperty {
  readonly logicalId: string;
  readonly why: string;
}

/**
 * A read-only index of one template, built once, so rules that relate resources (a bucket and its
 * policy, a subnet and its ACL association, a VPC and its flow log) do O(1) lookups instead of
 * scanning the template per resource. Building it walks every property once: linear in the
 * template's size.
 */
export class TemplateIndex {
  private readonly resources: ReadonlyMap<string, CfnResource>;
  private readonly ids: ReadonlyMap<string, readonly string[]>;
  private readonly referrers = new Map<string, Reference[]>();
  private readonly referencesOut = new Map<string, Reference[]>();
  private readonly unresolvableCache = new Map<string, readonly UnresolvableProperty[]>();
  /** `type|name` → logical ID, for resources with a literal physical name. */
  private readonly byName = new Map<string, string>();
  /** Stack-level tags (`dpp:environment`, `dpp:environment-kind`): the first literal value, or why none can be told. */
  private readonly stackTags = new Map<string, { readonly value?: string; readonly unknownWhy?: string }>();

  constructor(public readonly stack: StackTemplate) {
    const resources = new Map<string, CfnResource>();
    const byType = new Map<string, string[]>();
    const raw = stack.template.Resources;
    if (raw && typeof raw === 'object') {
      for (const [logicalId, resource] of Object.entries(raw)) {
        if (!resource || typeof resource !== 'object' || typeof resource.Type !== 'string') continue;
        resources.set(logicalId, resource);
        const list = byType.get(resource.Type) ?? [];
        list.push(logicalId);
        byType.set(resource.Type, list);
      }
    }
    this.resources = resources;
    this.ids = byType;
    for (const [logicalId, resource] of resources) {
      const nameProperty = NAME_PROPERTY.get(resource.Type);
      const name = nameProperty ? resource.Properties?.[nameProperty] : undefined;
      if (typeof name === 'string') this.byName.set(`${resource.Type}|${name}`, logicalId);
    }
    for (const [logicalId, resource] of resources) {
      this.indexReferences(logicalId, resource);
      this.indexLiteralReferences(logicalId, resource);
    }
  }

  /** The template's logical IDs of resources. */
  public get logicalIds(): IterableIterator<string> {
    return this.resources.keys();
  }

  /** How many resources the template declares. */
  public get size(): number {
    return this.resources.size;
  }

  public resource(logicalId: string): CfnResource | undefined {
    return this.resources.get(logicalId);
  }

  public hasResource(logicalId: string): boolean {
    return this.resources.has(logicalId);
  }

  public typeOf(logicalId: string): string | undefined {
    return this.resources.get(logicalId)?.Type;
  }

  /** Logical IDs of every resource of a type. */
  public ofType(type: string): readonly string[] {
    return this.ids.get(type) ?? [];
  }

  /** Every resource that refers to `logicalId`, optionally only those of a type and/or from a property path prefix. */
  public referrersOf(logicalId: string, type?: string, pathPrefix?: string): readonly Reference[] {
    const all = this.referrers.get(logicalId) ?? [];
    if (!type && !pathPrefix) return all;
    return all.filter((r) => (!type || this.typeOf(r.from) === type) && (!pathPrefix || r.path.startsWith(pathPrefix)));
  }

  /** The resource of a type whose literal physical name (`BucketName`, `GroupName`, …) is `name`. */
  public namedResource(type: string, name: string): string | undefined {
    return this.byName.get(`${type}|${name}`);
  }

  /**
   * The resource of this template a literal ARN (or one built with `Fn::Sub`/`Fn::Join` from pseudo
   * parameters) names by its physical name: a topic, a queue or a bucket (`arn:aws:s3:::name`, with
   * or without an object path).
   */
  public literalTarget(raw: unknown): string | undefined {
    const text = literalText(raw);
    if (text === undefined) return undefined;
    const arn = /^arn:[^:]*:(sns|sqs|s3):[^:]*:[^:]*:([^:/${}]+)(?:\/.*)?$/.exec(text);
    if (!arn) return undefined;
    const type = { sns: 'AWS::SNS::Topic', sqs: 'AWS::SQS::Queue', s3: 'AWS::S3::Bucket' }[arn[1] as 'sns' | 'sqs' | 's3'];
    return this.byName.get(`${type}|${arn[2]}`);
  }

  /** Every resource `logicalId` refers to. */
  public referencesFrom(logicalId: string): readonly Reference[] {
    return this.referencesOut.get(logicalId) ?? [];
  }

  /**
   * Classifies a value found in this template (a `Ref` to one of its resources is a reference).
   * The `Ref` and attributes of a custom resource or a nested stack are whatever its code or
   * outputs give at deploy, so they are unresolvable, not references.
   */
  public classify(raw: unknown): Value {
    const value = classify(raw, (id) => this.resources.has(id));
    if (value.kind !== 'reference' || !this.outputsKnownOnlyAtDeploy(value.logicalId)) return value;
    return { kind: 'unresolvable', why: `an output of ${this.typeOf(value.logicalId)} ${value.logicalId}, known only at deploy` };
  }

  /** True for a custom resource or a nested stack: its `Ref` and attributes are whatever its code or outputs give at deploy. */
  public outputsKnownOnlyAtDeploy(logicalId: string): boolean {
    return OPAQUE_OUTPUT_TYPE.test(this.typeOf(logicalId) ?? '');
  }

  /**
   * A resource tag's value. CloudFormation writes tags as a list of `{Key, Value}` on most
   * resources and as a map on a few; both are read, from the property the type keeps them in
   * (`FileSystemTags` on EFS, `BackupVaultTags` on Backup vaults, each replica's `Tags` on a
   * DynamoDB global table). A tag list that is itself an intrinsic (e.g. `Fn::If`) is unresolvable.
   */
  public tag(logicalId: string, key: string): Value {
    const resource = this.resources.get(logicalId);
    if (resource?.Type === 'AWS::DynamoDB::GlobalTable') return this.globalTableTag(resource.Properties?.Replicas, key);
    const property = resource ? tagPropertyOf(resource.Type) : 'Tags';
    return this.tagIn(resource?.Properties?.[property], key);
  }

  /** A tag's value in a raw tag list or map (`Tags` of a resource, of a global-table replica…). */
  public tagIn(tags: unknown, key: string): Value {
    if (tags === undefined || tags === null) return ABSENT;
    if (isIntrinsic(tags)) return { kind: 'unresolvable', why: 'Tags given by an intrinsic' };
    if (Array.isArray(tags)) {
      let found: Value = ABSENT;
      for (const tag of tags) {
        const tagKey = tag && typeof tag === 'object' ? (tag as { Key?: unknown }).Key : undefined;
        // A tag whose Key is an intrinsic may be the one asked for.
        if (isIntrinsic(tag) || isIntrinsic(tagKey)) found = found.kind === 'absent' ? { kind: 'unresolvable', why: isIntrinsic(tag) ? 'a tag given by an intrinsic' : 'a tag key given by an intrinsic' } : found;
        else if (tagKey === key) return this.classify((tag as { Value?: unknown }).Value);
      }
      return found;
    }
    if (typeof tags === 'object') return this.classify((tags as Record<string, unknown>)[key]);
    return ABSENT;
  }

  /**
   * A global table has no tags of its own: each replica carries them. The table's tag is the one
   * value its replicas agree on; replicas that disagree (or hide it in an intrinsic) make it unresolvable.
   */
  private globalTableTag(replicas: unknown, key: string): Value {
    if (replicas === undefined || replicas === null) return ABSENT;
    if (isIntrinsic(replicas) || !Array.isArray(replicas)) return { kind: 'unresolvable', why: 'Replicas given by an intrinsic' };
    let result: Value = ABSENT;
    for (const replica of replicas) {
      const value = isIntrinsic(replica)
        ? ({ kind: 'unresolvable', why: 'a replica given by an intrinsic' } as const)
        : this.tagIn((replica as { Tags?: unknown } | null)?.Tags, key);
      if (value.kind === 'unresolvable') return value;
      if (value.kind !== 'known') continue;
      if (result.kind === 'known' && result.value !== value.value) return { kind: 'unresolvable', why: `replicas of the global table disagree on tag ${key}` };
      result = value;
    }
    return result;
  }

  /**
   * The resources of a type whose top-level `property` cannot be decided at synth time (a flow
   * log's ResourceId given by a parameter, a subscription's TopicArn given by an import). Rules
   * asking "might one of these point at my resource?" share the answer: computed once per type
   * and property, not once per resource asking.
   */
  public unresolvableProperty(type: string, property: string): readonly UnresolvableProperty[] {
    const key = `${type}|${property}`;
    let found = this.unresolvableCache.get(key);
    if (!found) {
      found = this.ofType(type).flatMap((logicalId) => {
        const value = this.classify(this.resources.get(logicalId)?.Properties?.[property]);
        return value.kind === 'unresolvable' ? [{ logicalId, why: value.why }] : [];
      });
      this.unresolvableCache.set(key, found);
    }
    return found;
  }

  /**
   * The DPP environment (`test`, `prod`) of the template: the `dpp:environment` tag of its
   * resources, read once. Undefined when no resource carries a literal one.
   */
  public environment(): string | undefined {
    return this.stackTag(TAG_ENVIRONMENT).value;
  }

  /**
   * The template's `dpp:environment-kind` tag (`test`, `prod`), read once like `environment()`;
   * undefined in templates that carry only `dpp:environment` (lib/checks/lookups/stack-environments.ts
   * falls back to it).
   */
  public environmentKindTag(): string | undefined {
    return this.stackTag(TAG_ENVIRONMENT_KIND).value;
  }

  /**
   * Why the template's environment cannot be told, when no resource carries a literal
   * `dpp:environment` but one carries it as an intrinsic: app rules must then warn, not skip it.
   */
  public environmentUnknownWhy(): string | undefined {
    return this.stackTag(TAG_ENVIRONMENT).unknownWhy;
  }

  /** Why the template's environment kind cannot be told: its `dpp:environment-kind` tag is an intrinsic. */
  public environmentKindUnknownWhy(): string | undefined {
    return this.stackTag(TAG_ENVIRONMENT_KIND).unknownWhy;
  }

  private stackTag(key: string): { readonly value?: string; readonly unknownWhy?: string } {
    let found = this.stackTags.get(key);
    if (found) return found;
    let unknownWhy: string | undefined;
    for (const logicalId of this.resources.keys()) {
      const value = this.tag(logicalId, key);
      if (value.kind === 'known' && typeof value.value === 'string') {
        found = { value: value.value };
        break;
      }
      if (value.kind === 'unresolvable') unknownWhy ??= `the ${key} tag of ${logicalId} (${value.why})`;
    }
    found ??= { unknownWhy };
    this.stackTags.set(key, found);
    return found;
  }

  private addReference(from: string, to: string, path: string): void {
    if (!this.resources.has(to)) return;
    const ref = { from, to, path };
    const inbound = this.referrers.get(to);
    if (inbound) inbound.push(ref);
    else this.referrers.set(to, [ref]);
    const outbound = this.referencesOut.get(from);
    if (outbound) outbound.push(ref);
    else this.referencesOut.set(from, [ref]);
  }

  /** References written as literal names or ARNs (see LITERAL_REFERENCES): each entry of the property, or the property itself. */
  private indexLiteralReferences(logicalId: string, resource: CfnResource): void {
    for (const [property, targetType, nameOf] of LITERAL_REFERENCES.get(resource.Type) ?? []) {
      const value = resource.Properties?.[property];
      const entries: Array<[unknown, string]> = Array.isArray(value) ? value.map((v, i) => [v, `Properties.${property}.${i}`]) : [[value, `Properties.${property}`]];
      for (const [entry, path] of entries) {
        const text = literalText(entry);
        const name = text === undefined ? undefined : nameOf(text);
        const target = name === undefined ? undefined : this.byName.get(`${targetType}|${name}`);
        if (target !== undefined) this.addReference(logicalId, target, path);
      }
    }
  }

  /** Walks a resource's Properties iteratively (deep templates must not overflow the stack). */
  private indexReferences(logicalId: string, resource: CfnResource): void {
    const stack: Array<[unknown, string]> = [[resource.Properties, 'Properties']];
    while (stack.length > 0) {
      const [value, path] = stack.pop()!;
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}.${i}`]);
        continue;
      }
      const obj = value as Record<string, unknown>;
      const ref = obj.Ref;
      if (typeof ref === 'string') this.addReference(logicalId, ref, path);
      const getAtt = obj['Fn::GetAtt'];
      if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') this.addReference(logicalId, getAtt[0], path);
      else if (typeof getAtt === 'string') this.addReference(logicalId, getAtt.split('.')[0], path);
      const sub = obj['Fn::Sub'];
      const subText = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
      if (subText !== undefined) {
        for (const m of subText.matchAll(SUB_VARIABLE)) this.addReference(logicalId, m[1].split('.')[0], path);
      }
      for (const [key, child] of Object.entries(obj)) stack.push([child, `${path}.${key}`]);
    }
  }
}
