/**
 * Limits that keep hostile or broken input from exhausting memory or the call stack. Each is far
 * above what CloudFormation itself accepts, so no real template meets them.
 */

/** Largest template file read, in bytes. CloudFormation accepts at most 1 MB from S3. */
export const MAX_TEMPLATE_BYTES = 32 * 1024 * 1024;

/** Deepest nesting of objects and lists in a template. Real templates stay under 20. */
export const MAX_NESTING_DEPTH = 200;

/** YAML alias expansions allowed per document (guards against "billion laughs" alias bombs). */
export const MAX_YAML_ALIAS_COUNT = 100;

/** Most template files one invocation reads from directories (guards against pointing at `/`). */
export const MAX_TEMPLATE_FILES = 10_000;
