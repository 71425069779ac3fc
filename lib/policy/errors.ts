/**
 * A profile that cannot be used: unknown name, unreadable file, a bad or loosening value. One line
 * per problem, each naming the input; the CLI exits 2, the CDK app 1.
 */
export class PolicyError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'PolicyError';
  }
}
