import type { StackTemplate } from '../../../../lib/checks/template';
import { template } from '../../../helpers/check';

/** A bucket tagged with an environment, and its kind where given. */
export function taggedBucket(environment: unknown, kind?: unknown): { Type: string; Properties: Record<string, unknown> } {
  const tags = [{ Key: 'dpp:environment', Value: environment }, ...(kind === undefined ? [] : [{ Key: 'dpp:environment-kind', Value: kind }])];
  return { Type: 'AWS::S3::Bucket', Properties: { Tags: tags } };
}

/** A stack whose resources belong to one environment, with optional extra template parts. */
export function environmentStack(id: string, environment: string, options: { account?: string; kind?: unknown; resources?: Record<string, unknown>; outputs?: Record<string, unknown> } = {}): StackTemplate {
  return {
    id,
    stackName: id,
    account: options.account,
    template: template({ Bucket: taggedBucket(environment, options.kind), ...(options.resources ?? {}) } as never, options.outputs ? { Outputs: options.outputs } : {}),
  };
}
