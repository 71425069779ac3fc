import type { TemplateIndex } from '../template-index';
import { asArray, isIntrinsic } from '../values';

/**
 * Who is in which IAM group, as far as a template shows it: a user's `Groups`, and
 * `AWS::IAM::UserToGroupAddition` resources, each naming the other side by `Ref` (a reference the
 * index follows) or by a literal name (matched through a name table built once per template).
 * Shared by DPP 2.2 Access Management and DPP 2.4 Credential Management.
 */

interface NameTable {
  readonly groupsByName: Map<string, string>;
  readonly usersByName: Map<string, string>;
  /** Users whose `Groups` lists a literal group name. */
  readonly usersByGroupName: Map<string, string[]>;
  readonly additionsByGroupName: Map<string, string[]>;
  readonly additionsByUserName: Map<string, string[]>;
  /** IAM policies (Policy, ManagedPolicy, GroupPolicy) that name a group literally. */
  readonly policiesByGroupName: Map<string, string[]>;
}

const tables = new WeakMap<TemplateIndex, NameTable>();

function push(map: Map<string, string[]>, key: unknown, value: string): void {
  if (typeof key !== 'string') return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function properties(index: TemplateIndex, id: string): Record<string, unknown> {
  return index.resource(id)?.Properties ?? {};
}

/** Built once per template, in one pass over the IAM resources: literal names are rare but must not be missed. */
function nameTable(index: TemplateIndex): NameTable {
  let table = tables.get(index);
  if (table) return table;
  table = {
    groupsByName: new Map(), usersByName: new Map(), usersByGroupName: new Map(),
    additionsByGroupName: new Map(), additionsByUserName: new Map(), policiesByGroupName: new Map(),
  };
  for (const id of index.ofType('AWS::IAM::Group')) {
    const name = properties(index, id).GroupName;
    if (typeof name === 'string') table.groupsByName.set(name, id);
  }
  for (const id of index.ofType('AWS::IAM::User')) {
    const props = properties(index, id);
    if (typeof props.UserName === 'string') table.usersByName.set(props.UserName, id);
    if (Array.isArray(props.Groups)) for (const group of props.Groups) push(table.usersByGroupName, group, id);
  }
  for (const id of index.ofType('AWS::IAM::UserToGroupAddition')) {
    const props = properties(index, id);
    push(table.additionsByGroupName, props.GroupName, id);
    if (Array.isArray(props.Users)) for (const user of props.Users) push(table.additionsByUserName, user, id);
  }
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const id of index.ofType(type)) {
      const groups = properties(index, id).Groups;
      if (Array.isArray(groups)) for (const group of groups) push(table.policiesByGroupName, group, id);
    }
  }
  for (const id of index.ofType('AWS::IAM::GroupPolicy')) push(table.policiesByGroupName, properties(index, id).GroupName, id);
  tables.set(index, table);
  return table;
}

/** The logical IDs found, and why some could not be found (the first reason). */
export interface Members {
  readonly ids: readonly string[];
  readonly unknown?: string;
}

/** Resolves one raw name-or-reference to a resource of `type`, through `byName` for literal names. */
function resolve(index: TemplateIndex, raw: unknown, type: string, byName: Map<string, string>, what: string): { id?: string; unknown?: string } {
  const value = index.classify(raw);
  if (value.kind === 'reference') return index.typeOf(value.logicalId) === type ? { id: value.logicalId } : {};
  if (value.kind === 'unresolvable') return { unknown: `a ${what} given by ${value.why}` };
  if (value.kind === 'known' && typeof value.value === 'string') {
    const id = byName.get(value.value);
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
  const table = nameTable(index);
  const props = properties(index, userId);
  const found: Array<{ id?: string; unknown?: string }> = [];
  if (isIntrinsic(props.Groups)) found.push({ unknown: 'Groups given by an intrinsic' });
  else for (const raw of asArray(props.Groups)) found.push(resolve(index, raw, 'AWS::IAM::Group', table.groupsByName, 'group'));
  const additions = [
    ...index.referrersOf(userId, 'AWS::IAM::UserToGroupAddition', 'Properties.Users').map((r) => r.from),
    ...(typeof props.UserName === 'string' ? table.additionsByUserName.get(props.UserName) ?? [] : []),
  ];
  for (const id of additions) found.push(resolve(index, properties(index, id).GroupName, 'AWS::IAM::Group', table.groupsByName, 'group'));
  return collect(found);
}

/** The users of the template in an IAM group. */
export function usersOfGroup(index: TemplateIndex, groupId: string): Members {
  const table = nameTable(index);
  const name = properties(index, groupId).GroupName;
  const literal = typeof name === 'string' ? name : undefined;
  const found: Array<{ id?: string; unknown?: string }> = [
    ...index.referrersOf(groupId, 'AWS::IAM::User', 'Properties.Groups').map((r) => ({ id: r.from })),
    ...(literal !== undefined ? table.usersByGroupName.get(literal) ?? [] : []).map((id) => ({ id })),
  ];
  const additions = [
    ...index.referrersOf(groupId, 'AWS::IAM::UserToGroupAddition', 'Properties.GroupName').map((r) => r.from),
    ...(literal !== undefined ? table.additionsByGroupName.get(literal) ?? [] : []),
  ];
  for (const id of additions) {
    const users = properties(index, id).Users;
    if (isIntrinsic(users)) found.push({ unknown: `the Users of ${id} are given by an intrinsic` });
    else for (const raw of asArray(users)) found.push(resolve(index, raw, 'AWS::IAM::User', table.usersByName, 'user'));
  }
  return collect(found);
}

/** IAM policy resources of the template (Policy, ManagedPolicy, GroupPolicy) that attach to a group. */
export function policiesOfGroup(index: TemplateIndex, groupId: string): string[] {
  const name = properties(index, groupId).GroupName;
  return [...new Set([
    ...index.referrersOf(groupId, 'AWS::IAM::Policy', 'Properties.Groups').map((r) => r.from),
    ...index.referrersOf(groupId, 'AWS::IAM::ManagedPolicy', 'Properties.Groups').map((r) => r.from),
    ...index.referrersOf(groupId, 'AWS::IAM::GroupPolicy', 'Properties.GroupName').map((r) => r.from),
    ...(typeof name === 'string' ? nameTable(index).policiesByGroupName.get(name) ?? [] : []),
  ])];
}

/** Whether a user can sign in to the console: it has a LoginProfile. */
export function consoleAccess(index: TemplateIndex, userId: string): 'yes' | 'no' | { unknown: string } {
  const profile = index.classify(properties(index, userId).LoginProfile);
  if (profile.kind === 'absent') return 'no';
  if (profile.kind === 'unresolvable') return { unknown: `LoginProfile is ${profile.why}` };
  return 'yes';
}
