import { requireTrue } from '../../assert';
import { fail, resourceRule, unresolvable, type Verdict } from '../../types';

const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

export const S3BlockPublicAccess = resourceRule({
  id: 'DPP-2.1-S3BlockPublicAccess',
  clause: '2.1',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::S3::Bucket'],
  description: 'S3 buckets block all public access (all four PublicAccessBlockConfiguration flags are true)',
  fix: 'Set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets all true (CDK: blockPublicAccess: BlockPublicAccess.BLOCK_ALL)',
  explanation: 'DPP 2.1 Network Protection requires public access restricted to approved users; the bucket-level public access block keeps any ACL or bucket policy from opening the bucket to the internet.',
  check: (ctx) => {
    const block = ctx.prop('PublicAccessBlockConfiguration');
    if (block.kind === 'unresolvable') return unresolvable('PublicAccessBlockConfiguration', block.why);
    // Required in the template, not left to the S3 default or the account setting: only then can the template prove it.
    if (block.kind === 'absent') return fail('the bucket declares no PublicAccessBlockConfiguration', 'PublicAccessBlockConfiguration');
    return FLAGS.map((flag) => requireTrue(ctx, `PublicAccessBlockConfiguration.${flag}`, `PublicAccessBlockConfiguration.${flag} is not true`))
      .filter((v): v is Verdict => v !== undefined);
  },
});
