import { checks as accessManagement } from './2.2-access-management';
import { checks as leastPrivilege } from './2.3-least-privilege';
import { checks as credentialManagement } from './2.4-credential-management';
import type { AuditCheck } from './check';

export * from './check';
export { PROCEDURAL_ITEMS } from './procedural';

/** Every live-account check, by clause. */
export const ALL_AUDIT_CHECKS: readonly AuditCheck[] = [...accessManagement, ...leastPrivilege, ...credentialManagement];
