import { fail, resourceRule, unresolvable } from '../../types';

const PUBLIC_CANNED_ACLS = ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'];

export const S3NoPublicAcl = resourceRule({
  id: 'DPP-2.1-S3NoPublicAcl',
  clause: '2.1',
  level: 'error',
  critical: 'prod-pii',
  resourceTypes: ['AWS::S3::Bucket'],
  description: 'S3 buckets carry no public canned ACL (PublicRead, PublicReadWrite, AuthenticatedRead)',
  fix: 'Remove AccessControl (or set it to Private) and grant access through IAM or a bucket policy naming the principals',
  explanation: 'DPP 2.1 Network Protection requires public access restricted to approved users; a public canned ACL grants every internet user (or every AWS account holder) access to the bucket.',
  check: (ctx) => {
    const acl = ctx.prop('AccessControl');
    if (acl.kind === 'unresolvable') return unresolvable('AccessControl', acl.why);
    if (acl.kind === 'known' && PUBLIC_CANNED_ACLS.includes(String(acl.value))) return fail(`the bucket has the public canned ACL ${String(acl.value)}`, 'AccessControl');
    return undefined;
  },
});
