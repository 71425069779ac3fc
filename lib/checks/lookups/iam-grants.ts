import type { TemplateIndex } from '../template-index';
import { actionMatches, INTRINSIC, type Statement } from './policy-document';
import { wildcardStatus } from './intrinsic-text';

/**
 * What an IAM statement grants, for the DPP 2.3 Least Privilege Access rules: administrator-like
 * wildcards, write actions, and whether the statement covers every resource.
 */

/** Services where `service:*` hands over identities, keys or the stores of Information. */
export const SENSITIVE_SERVICES: readonly string[] = ['iam', 'kms', 's3', 'dynamodb', 'rds', 'secretsmanager'];

/**
 * Action-name prefixes of read-only actions. Everything else counts as a write: it creates,
 * changes, deletes, or uses (decrypts, invokes, publishes…) a resource. Wildcards count as writes
 * unless the name part starts with a read prefix (`s3:Get*` reads, `s3:*Object` may write).
 */
const READ_PREFIXES: readonly string[] = ['get', 'batchget', 'list', 'describe', 'head', 'lookup', 'search', 'query', 'scan', 'select', 'view'];

/** Write actions that IAM cannot scope to a resource: `Resource: "*"` is the only way to grant them. */
const UNSCOPABLE_ACTIONS: ReadonlySet<string> = new Set(['xray:puttracesegments', 'xray:puttelemetryrecords', 'cloudwatch:putmetricdata']);

/** True for `*` and `*:*`: every action of every service. */
function isEveryAction(action: string): boolean {
  return /^\*+(:\*+)?$/.test(action);
}

/** The literal actions of a statement that are `*` or `service:*` on a sensitive service (lower-cased). */
export function administratorActions(statement: Statement): string[] {
  return statement.actions.filter((action) => {
    if (isEveryAction(action)) return true;
    const match = /^([^:]+):\*+$/.exec(action);
    return match !== null && SENSITIVE_SERVICES.some((service) => actionMatches(match[1], service));
  });
}

/** The literal actions that are not read-only, leaving out those {@link administratorActions} already reports. */
export function writeActions(statement: Statement): string[] {
  const administrator = new Set(administratorActions(statement));
  return statement.actions.filter((action) => {
    if (action === INTRINSIC || administrator.has(action) || UNSCOPABLE_ACTIONS.has(action)) return false;
    const name = action.includes(':') ? action.slice(action.indexOf(':') + 1) : action;
    return !READ_PREFIXES.some((prefix) => name.startsWith(prefix));
  });
}

/**
 * Whether a statement covers every resource: `all` for `Resource: "*"` (or an Allow with
 * NotResource), `scoped` for named resources or none (a resource policy applies to its own
 * resource), `unknown` when a resource is a parameter or a condition that may be `*`.
 */
export function resourceScope(index: TemplateIndex, statement: Statement): { scope: 'all' | 'scoped' } | { scope: 'unknown'; why: string } {
  if (statement.notResource) return { scope: 'all' };
  const raw = statement.raw.Resource;
  if (raw === undefined) return { scope: 'scoped' };
  const status = wildcardStatus(index, raw);
  if (status.status === 'unknown') return { scope: 'unknown', why: `its Resource is ${status.why}` };
  return { scope: status.status === 'yes' ? 'all' : 'scoped' };
}
