import { daysSince, day, policyOfRun, type AuditCheck } from '../check';
import { reportUsers } from '../users';

/**
 * DPP 2.4 Credential Management: long-term keys are rotated within `--key-max-age-days` (default:
 * the profile's rotation limit), at the profile's level (dpp-2025 names API key rotation).
 */
export const accessKeyAge: AuditCheck = {
  id: 'DPP-AUDIT-2.4-AccessKeyAge',
  clause: '2.4',
  description: 'Active access keys are younger than --key-max-age-days (default: the profile\'s rotation limit)',
  run: ({ snapshot, settings }) => {
    const level = policyOfRun(settings).values.accessKeyRotationLevel;
    if (level === 'off') return [];
    return reportUsers(snapshot).flatMap((row) =>
      row.accessKeys
        .filter((key) => key.active && key.lastRotated && daysSince(key.lastRotated, settings.now) > settings.keyMaxAgeDays)
        .map((key) => ({
          level,
          subject: `user/${row.user}`,
          message: `Access key ${key.slot} was created ${day(key.lastRotated!)}, ${daysSince(key.lastRotated!, settings.now)} days ago (limit ${settings.keyMaxAgeDays}).`,
          fix: 'Rotate the key: create a new one, switch its consumer over, then deactivate and delete the old one; better, replace it with a role.',
        })),
    );
  },
};
