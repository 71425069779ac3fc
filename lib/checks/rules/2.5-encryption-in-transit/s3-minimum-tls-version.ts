import { whenClassified } from '../../lookups/classified-store';
import { policyDocumentsOf, statementsOf, type Statement } from '../../lookups/policy-document';
import { coversBucketObjects } from '../../lookups/secure-transport';
import { MINIMUM_TLS } from '../../lookups/tls';
import type { ResourceContext, RuleResult, Verdict } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';
import { asArray, asNumber, isIntrinsic } from '../../values';
import { piiStatus } from '../../vocabulary';

const TLS_VERSION_KEY = 's3:tlsversion';

/**
 * The oldest TLS version a deny lets through: `NumericLessThan s3:TlsVersion v` admits v and newer,
 * `NumericLessThanEquals v` only newer than v. Undefined when the statement tests no TLS version.
 * `s3:TlsVersion` is a numeric key (Amazon S3 User Guide, "Bucket policy examples using condition
 * keys", s3:TlsVersion: https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html).
 */
function oldestAdmitted(statement: Statement): number | 'unresolvable' | undefined {
  for (const test of statement.conditions) {
    if (test.key !== TLS_VERSION_KEY || !test.base.startsWith('numericlessthan')) continue;
    if (test.intrinsic || test.values.some(isIntrinsic)) return 'unresolvable';
    const versions = test.values.map(asNumber).filter((n): n is number => n !== undefined);
    if (versions.length === 0) continue;
    const v = Math.max(...versions);
    return test.base === 'numericlessthanequals' ? v + 0.1 : v;
  }
  return undefined;
}

/** A deny on every principal, every object, with the TLS-version test as its only condition. */
function isTlsVersionDeny(statement: Statement, ctx: ResourceContext): boolean {
  return statement.effect === 'Deny' && !statement.notPrincipal && statement.principals.includes('*') && statement.conditions.length === 1 &&
    asArray(statement.raw.Resource).some((r) => coversBucketObjects(r, ctx) === 'yes');
}

function verdictFor(ctx: ResourceContext): RuleResult {
  const documents = policyDocumentsOf(ctx.index, ctx.logicalId, 'AWS::S3::BucketPolicy', 'Bucket', 'PolicyDocument');
  const verdicts: Verdict[] = [];
  let enforced = false;
  for (const document of documents) {
    const { statements, unresolvable: hidden } = statementsOf(document);
    if (hidden) verdicts.push(unresolvable('BucketPolicy.PolicyDocument', 'the policy document or a statement is given by an intrinsic'));
    for (const statement of statements.filter((s) => s.effect === 'Deny')) {
      const oldest = oldestAdmitted(statement);
      if (oldest === undefined) continue;
      if (oldest === 'unresolvable') verdicts.push(unresolvable(`BucketPolicy.${statement.label}`, 'the s3:TlsVersion threshold is given by an intrinsic'));
      else if (oldest < MINIMUM_TLS) verdicts.push(fail(`the bucket policy's ${statement.label} denies only TLS older than ${oldest}, so TLS ${oldest.toFixed(1)} is accepted`, `BucketPolicy.${statement.label}`));
      else if (isTlsVersionDeny(statement, ctx)) enforced = true;
    }
  }
  if (verdicts.length > 0) return verdicts;
  if (enforced) return undefined;
  return whenClassified(ctx, piiStatus(ctx.index, ctx.logicalId), () =>
    fail(`the PII bucket's policy does not deny every principal s3:* on its objects when s3:TlsVersion is below ${MINIMUM_TLS.toFixed(1)}`, 'BucketPolicy'));
}

export const S3MinimumTlsVersion = resourceRule({
  id: 'DPP-2.5-S3MinimumTlsVersion',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::S3::Bucket'],
  description: `Bucket policies that restrict TLS versions deny s3:TlsVersion below ${MINIMUM_TLS.toFixed(1)}, and PII buckets have such a deny`,
  fix: `Add a bucket policy statement that Denies s3:* to every principal on the bucket's objects when NumericLessThan s3:TlsVersion ${MINIMUM_TLS.toFixed(1)} (CDK: minimumTLSVersion: ${MINIMUM_TLS.toFixed(1)})`,
  explanation: 'DPP 2.5 Encryption in Transit requires TLS 1.2 or newer; the aws:SecureTransport deny alone still admits older TLS versions.',
  check: verdictFor,
});
