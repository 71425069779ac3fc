import type { AuditCheck } from '../check';
import { accessKeyUnused } from './access-key-unused';
import { consoleAccessUnused } from './console-access-unused';
import { genericUserName } from './generic-user-name';
import { rootAccessKeys } from './root-access-keys';

/** DPP 2.2 Access Management, live account. */
export const checks: readonly AuditCheck[] = [rootAccessKeys, genericUserName, consoleAccessUnused, accessKeyUnused];
