import type { TemplateIndex } from '../template-index';
import { asArray, isIntrinsic } from '../values';

/**
 * Who is in which IAM group, as far as a template shows it: a user's `Groups`, and
 * `AWS::IAM::UserToGroupAddition` resources, each naming the other side by `Ref` or by a literal
 * name: the template index follows both (see LITERAL_REFERENCES in template-index.ts).
 * Shared by DPP 2.2 Access Management and DPP 2.4 Credential Management.
 */

function properties(index: TemplateIndex, id: string): Record<string, unknown> {
  return index.resource(id)?.Properties ?? {};
}

/** The logical IDs found, and why some could not be found (the first reason). */
export interface Members {
  readonly ids: readonly string[];
  readonly unknown?: string;
}

/** Resolves one raw name-or-reference to a resource of `type` (a literal name through the index's name table). */
function resolve(index: TemplateIndex, raw: unknown, type: string, what: string): { id?: string; unknown?: string } {
  const value = index.classify(raw);
  if (value.kind === 'reference') return index.typeOf(value.logicalId) === type ? { id: value.logicalId } : {};
  if (value.kind === 'unresolvable') return { unknown: `a ${what} given by ${value.why}` };
  if (value.kind === 'known' && typeof value.value === 'string') {
    const id = index.namedResource(type, value.value);
    return id ? { id } : { unknown: `${what} "${value.value}" is not declared in this template` };
  }
  return {};
}

function collect(found: Array<{ id?: string; unknown?: string }>): Members {
  const ids = [...new Set(found.map((f) => f.id).filter((id): id is string => id !== undefined))];
  return { ids, unknown: found.find((f) => f.unknown !== undefined)?.unknown };
}

/** The groups of the template an IAM user is in. */
export function groupsOfUser(index: TemplateIndex, userId: string): Members {
  const props = properties(index, userId);
  const found: Array<{ id?: string; unknown?: string }> = [];
  if (isIntrinsic(props.Groups)) found.push({ unknown: 'Groups given by an intrinsic' });
  else for (const raw of asArray(props.Groups)) found.push(resolve(index, raw, 'AWS::IAM::Group', 'group'));
  const additions = new Set(index.referrersOf(userId, 'AWS::IAM::UserToGroupAddition', 'Properties.Users').map((r) => r.from));
  for (const id of additions) found.push(resolve(index, properties(index, id).GroupName, 'AWS::IAM::Group', 'group'));
  return collect(found);
}

/** The users of the template in an IAM group. */
export function usersOfGroup(index: TemplateIndex, groupId: string): Members {
  const found: Array<{ id?: string; unknown?: string }> = index.referrersOf(groupId, 'AWS::IAM::User', 'Properties.Groups').map((r) => ({ id: r.from }));
  const additions = new Set(index.referrersOf(groupId, 'AWS::IAM::UserToGroupAddition', 'Properties.GroupName').map((r) => r.from));
  for (const id of additions) {
    const users = properties(index, id).Users;
    if (isIntrinsic(users)) found.push({ unknown: `the Users of ${id} are given by an intrinsic` });
    else for (const raw of asArray(users)) found.push(resolve(index, raw, 'AWS::IAM::User', 'user'));
  }
  return collect(found);
}

/** IAM policy resources of the template (Policy, ManagedPolicy, GroupPolicy) that attach to a group. */
export function policiesOfGroup(index: TemplateIndex, groupId: string): string[] {
  return [...new Set([
    ...index.referrersOf(groupId, 'AWS::IAM::Policy', 'Properties.Groups').map((r) => r.from),
    ...index.referrersOf(groupId, 'AWS::IAM::ManagedPolicy', 'Properties.Groups').map((r) => r.from),
    ...index.referrersOf(groupId, 'AWS::IAM::GroupPolicy', 'Properties.GroupName').map((r) => r.from),
  ])];
}

/** Whether a user can sign in to the console: it has a LoginProfile. */
export function consoleAccess(index: TemplateIndex, userId: string): 'yes' | 'no' | { unknown: string } {
  const profile = index.classify(properties(index, userId).LoginProfile);
  if (profile.kind === 'absent') return 'no';
  if (profile.kind === 'unresolvable') return { unknown: `LoginProfile is ${profile.why}` };
  return 'yes';
}
