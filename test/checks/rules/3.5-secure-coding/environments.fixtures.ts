import type { StackTemplate } from '../../../../lib/checks/template';
import { template } from '../../../helpers/check';

/** A bucket tagged with an environment. */
export function taggedBucket(environment: unknown): { Type: string; Properties: Record<string, unknown> } {
  return { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dpp:environment', Value: environment }] } };
}

/** A stack whose resources belong to one environment, with optional extra template parts. */
export function environmentStack(id: string, environment: string, options: { account?: string; resources?: Record<string, unknown>; outputs?: Record<string, unknown> } = {}): StackTemplate {
  return {
    id,
    stackName: id,
    account: options.account,
    template: template({ Bucket: taggedBucket(environment), ...(options.resources ?? {}) } as never, options.outputs ? { Outputs: options.outputs } : {}),
  };
}
