/**
 * `dpp audit`: the live-account IAM audit (DPP 2.2 Access Management, 2.3 Least Privilege Access, 2.4 Credential
 * Management) and the quarterly access review.
 */
export * from './access-review';
export * from './authorization-details';
export { ALL_AUDIT_CHECKS, PROCEDURAL_ITEMS, type AuditCheck, type CheckInput, type CheckResult } from './checks';
export * from './collect';
export * from './credential-report';
export * from './errors';
export * from './format';
export * from './iam-client';
export * from './organization';
export * from './redact';
export * from './run';
export * from './types';
