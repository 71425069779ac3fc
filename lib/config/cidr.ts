/** Moved to the policy module: one CIDR parser for config validation and constructs. */
export * from '../policy/cidr';
