import { need, type AuditCheck } from '../check';

/** DPP 2.2 Access Management: the root user is a shared, default account; it must have no access keys. */
export const rootAccessKeys: AuditCheck = {
  id: 'DPP-AUDIT-2.2-RootAccessKeys',
  clause: '2.2',
  description: 'The root user has no access keys',
  run: ({ snapshot }) =>
    (need(snapshot.accountSummary).AccountAccessKeysPresent ?? 0) > 0
      ? [{
          level: 'error',
          subject: 'account',
          message: 'The root user has access keys: an all-powerful credential that belongs to no one person.',
          fix: 'Sign in as the root user, delete its access keys (Security credentials), and use IAM roles for automation.',
        }]
      : [],
};
