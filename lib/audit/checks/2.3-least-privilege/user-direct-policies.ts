import { need, type AuditCheck } from '../check';

/** DPP 2.3 Least Privilege Access: grants go through groups, so they are reviewed per job rather than per person. */
export const userDirectPolicies: AuditCheck = {
  id: 'DPP-AUDIT-2.3-UserDirectPolicies',
  clause: '2.3',
  description: 'No user has policies attached directly rather than through a group',
  run: ({ snapshot }) =>
    need(snapshot.authorization).users
      .filter((u) => u.attached.length + u.inline.length > 0)
      .map((u) => ({
        level: 'warning' as const,
        subject: `user/${u.name}`,
        message: `The user has policies attached directly: ${[...u.attached.map((p) => `${p.name} (managed)`), ...u.inline.map((p) => `${p.name} (inline)`)].join(', ')}.`,
        fix: 'Move the permissions to a group for the user\'s job (or a role the user assumes) and detach them from the user.',
      })),
};
