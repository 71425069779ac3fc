import { requireNumberInRange } from '../../assert';
import { resourceRule } from '../../types';

/** DPP 3.6: logs are kept at least 90 days unless the law says otherwise. */
export const MINIMUM_LOG_RETENTION_DAYS = 90;

export const LogGroupRetention = resourceRule({
  id: 'DPP-3.6-LogGroupRetention',
  clause: '3.6',
  level: 'error',
  resourceTypes: ['AWS::Logs::LogGroup'],
  description: `Log groups keep their logs at least ${MINIMUM_LOG_RETENTION_DAYS} days (unset: never expire)`,
  fix: `Set RetentionInDays to ${MINIMUM_LOG_RETENTION_DAYS} or more (the environment's logRetentionDays)`,
  explanation: `DPP 3.6 Logging and Monitoring requires logs retained for at least ${MINIMUM_LOG_RETENTION_DAYS} days for reference in a Security Incident.`,
  check: (ctx) => requireNumberInRange(ctx, 'RetentionInDays', { min: MINIMUM_LOG_RETENTION_DAYS, absent: 'pass' }, (actual) =>
    `log group keeps logs ${actual === undefined ? 'for an unknown time' : `${actual} days`}, less than ${MINIMUM_LOG_RETENTION_DAYS}`),
});
