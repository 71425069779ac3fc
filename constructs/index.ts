// Network and data (DPP 2.1, 2.5, 2.8, 2.9, 3.1, 3.4, 3.6, 3.7)
export * from './security/keys';
export * from './network/tiers';
export * from './network/acl-flows';
export * from './network/segmented-vpc';
export * from './data/encrypted-database';
export * from './data/pii-bucket';
export * from './data/pii-table';
export * from './data/data-backups';
export * from './data/backup-copy-vault';
export * from './network/edge-firewall';
export * from './network/egress-firewall';
// Identity (DPP 2.2, 2.3, 2.4)
export * from './identity/account-password-policy';
export * from './identity/mfa-enforcement';
export * from './identity/account-lockout';
export * from './identity/console-sign-in-forwarder';
export * from './identity/dpp-user-pool';
export * from './identity/access-analyzers';
// Audit (DPP 2.7, 3.6)
export * from './audit/log-retention';
export * from './audit/audit-trail';
export * from './audit/cis-metric-filters';
export * from './audit/security-alarms';
export * from './audit/pii-data-events';
export * from './audit/log-data-protection';
// Detection (DPP 2.7, 3.3, 3.7)
export * from './detection/detective-services';
export * from './detection/config-rules';
export * from './detection/canary-records';
export * from './detection/read-anomaly-alarms';
export * from './detection/data-loss-alerts';
