/**
 * Raised when the DPP environment configuration is invalid. Carries every problem found, one line
 * each, so a user fixes them all in one pass; `bin/app.ts` prints the lines and exits non-zero.
 */
export class ConfigError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}
