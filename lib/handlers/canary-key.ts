/**
 * The key prefix of every canary record (DPP 3.6 investigative alarms): the S3 object key, the
 * DynamoDB partition key value. Shared by the seeding handler and the construct that filters
 * data events on it; a module of its own so the construct does not load the handler's SDK clients.
 */
export const CANARY_KEY_PREFIX = 'dpp-canary';
