// Network and data (DPP 2.1, 2.5, 2.8, 2.9, 3.1, 3.4, 3.6, 3.7)
export * from './security/keys';
export * from './network/tiers';
export * from './network/acl-flows';
export * from './network/segmented-vpc';
export * from './data/encrypted-database';
export * from './data/pii-bucket';
export * from './data/pii-table';
