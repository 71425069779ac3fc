import { readPath } from '../context';
import { unresolvable as unresolvableVerdict, type ResourceContext, type Verdict } from '../types';
import { isIntrinsic } from '../values';
import { statementsOf, type Statement } from './policy-document';

/**
 * Where policy documents live in a template, by resource type: identity policies (IAM policies,
 * inline policies of roles, users and groups), trust policies, and the resource policies of the
 * services that take one. Shared by the DPP 2.3 Least Privilege Access rules and the MFA lookup.
 */

/** `identity`: grants to the principal it is attached to; `resource`: grants on the resource it is attached to; `trust`: who may assume a role. */
export type DocumentKind = 'identity' | 'resource' | 'trust';

export interface PolicyDocumentAt {
  /** Property path of the document, e.g. `PolicyDocument`, `Policies.1.PolicyDocument`, `KeyPolicy`. */
  readonly path: string;
  readonly raw: unknown;
  readonly kind: DocumentKind;
}

export interface DocumentsOf {
  readonly documents: readonly PolicyDocumentAt[];
  /** Documents (or lists of them) that are intrinsics: property path, kind and why. */
  readonly unresolvable: ReadonlyArray<{ readonly path: string; readonly kind: DocumentKind; readonly why: string }>;
}

/** Resource types with one document at a fixed path. */
const SINGLE_DOCUMENTS: Readonly<Record<string, ReadonlyArray<readonly [string, DocumentKind]>>> = {
  'AWS::IAM::Policy': [['PolicyDocument', 'identity']],
  'AWS::IAM::ManagedPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::RolePolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::UserPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::GroupPolicy': [['PolicyDocument', 'identity']],
  'AWS::SSO::PermissionSet': [['InlinePolicy', 'identity']],
  'AWS::IAM::Role': [['AssumeRolePolicyDocument', 'trust']],
  'AWS::S3::BucketPolicy': [['PolicyDocument', 'resource']],
  'AWS::S3::AccessPoint': [['Policy', 'resource']],
  'AWS::KMS::Key': [['KeyPolicy', 'resource']],
  'AWS::KMS::ReplicaKey': [['KeyPolicy', 'resource']],
  'AWS::SQS::QueuePolicy': [['PolicyDocument', 'resource']],
  'AWS::SQS::QueueInlinePolicy': [['PolicyDocument', 'resource']],
  'AWS::SNS::TopicPolicy': [['PolicyDocument', 'resource']],
  'AWS::SNS::TopicInlinePolicy': [['PolicyDocument', 'resource']],
  'AWS::SecretsManager::ResourcePolicy': [['ResourcePolicy', 'resource']],
  'AWS::ECR::Repository': [['RepositoryPolicyText', 'resource']],
  'AWS::Logs::ResourcePolicy': [['PolicyDocument', 'resource']],
  'AWS::OpenSearchService::Domain': [['AccessPolicies', 'resource']],
  'AWS::Elasticsearch::Domain': [['AccessPolicies', 'resource']],
  'AWS::EFS::FileSystem': [['FileSystemPolicy', 'resource']],
  'AWS::Backup::BackupVault': [['AccessPolicy', 'resource']],
  'AWS::DynamoDB::Table': [['ResourcePolicy.PolicyDocument', 'resource']],
  'AWS::ApiGateway::RestApi': [['Policy', 'resource']],
};

/** Resource types with a list of documents: the list property and the document's path in each item. */
const DOCUMENT_LISTS: Readonly<Record<string, { readonly list: string; readonly document: string; readonly kind: DocumentKind }>> = {
  'AWS::IAM::Role': { list: 'Policies', document: 'PolicyDocument', kind: 'identity' },
  'AWS::IAM::User': { list: 'Policies', document: 'PolicyDocument', kind: 'identity' },
  'AWS::IAM::Group': { list: 'Policies', document: 'PolicyDocument', kind: 'identity' },
  'AWS::DynamoDB::GlobalTable': { list: 'Replicas', document: 'ResourcePolicy.PolicyDocument', kind: 'resource' },
};

/** Every resource type that carries a policy document. */
export const POLICY_DOCUMENT_TYPES: readonly string[] = [...new Set([...Object.keys(SINGLE_DOCUMENTS), ...Object.keys(DOCUMENT_LISTS)])];

/** The resource types whose documents are resource policies attached to a single key (`Resource: "*"` there means the key). */
export const KEY_POLICY_TYPES: readonly string[] = ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey'];

/** The policy documents of a resource, by property path. */
export function documentsOf(ctx: ResourceContext): DocumentsOf {
  const documents: PolicyDocumentAt[] = [];
  const unresolvable: Array<{ path: string; kind: DocumentKind; why: string }> = [];
  for (const [path, kind] of SINGLE_DOCUMENTS[ctx.type] ?? []) {
    const value = ctx.prop(path);
    if (value.kind === 'unresolvable') unresolvable.push({ path, kind, why: value.why });
    else if (value.kind === 'known') documents.push({ path, raw: value.value, kind });
  }
  const list = DOCUMENT_LISTS[ctx.type];
  if (list) {
    const items = ctx.prop(list.list);
    if (items.kind === 'unresolvable') unresolvable.push({ path: list.list, kind: list.kind, why: items.why });
    else if (items.kind === 'known' && Array.isArray(items.value)) {
      items.value.forEach((item, i) => {
        const path = `${list.list}.${i}.${list.document}`;
        if (isIntrinsic(item)) {
          unresolvable.push({ path: `${list.list}.${i}`, kind: list.kind, why: 'an entry given by an intrinsic' });
          return;
        }
        const doc = readPath(ctx.index, item, list.document);
        if (doc.kind === 'unresolvable') unresolvable.push({ path, kind: list.kind, why: doc.why });
        else if (doc.kind === 'known') documents.push({ path, raw: doc.value, kind: list.kind });
      });
    }
  }
  return { documents, unresolvable };
}

/** The statements of a document that may be written as a JSON string: `statementsOf` reads both. */
export const statementsOfDocument = statementsOf;


/**
 * Applies `judge` to every statement of the resource's documents of the given kinds. Documents,
 * statement lists or statements that are intrinsics give an unresolvable verdict each: a rule
 * over policy statements never passes on what it cannot read.
 */
export function judgeStatements(
  ctx: ResourceContext,
  kinds: readonly DocumentKind[],
  judge: (document: PolicyDocumentAt, statement: Statement) => Verdict | undefined,
): Verdict[] {
  const { documents, unresolvable: hidden } = documentsOf(ctx);
  const verdicts: Verdict[] = hidden.filter((d) => kinds.includes(d.kind)).map((d) => unresolvableVerdict(d.path, d.why));
  for (const document of documents.filter((d) => kinds.includes(d.kind))) {
    const { statements, unresolvable: partial } = statementsOfDocument(document.raw);
    if (partial) verdicts.push(unresolvableVerdict(document.path, 'a statement list or statement given by an intrinsic'));
    for (const statement of statements) {
      const verdict = judge(document, statement);
      if (verdict) verdicts.push(verdict);
    }
  }
  return verdicts;
}
