import { DATA_EVENT_TYPE_OF_STORE, dataEventCoverage, literalCovers, literalStoreName, type DataEventCoverage } from '../../lookups/data-event-selectors';
import { stacksByEnvironment, unknownEnvironmentVerdicts } from '../../lookups/stack-environments';
import type { TemplateIndex } from '../../template-index';
import { appRule, fail, unresolvable, type AppVerdict } from '../../types';
import { piiStatus, TAG_CLASSIFICATION } from '../../vocabulary';

interface TrailCoverage {
  readonly index: TemplateIndex;
  readonly id: string;
  readonly conditional: boolean;
  readonly coverage: Map<string, DataEventCoverage>;
}

export const PiiStoreDataEvents = appRule({
  id: 'DPP-3.6-PiiStoreDataEvents',
  clause: '3.6',
  level: 'error',
  // Stores' classification tags, and their literal names, which a selector may give.
  reads: { 'AWS::CloudTrail::Trail': ['AdvancedEventSelectors', 'EventSelectors'], 'AWS::S3::Bucket': ['BucketName', 'Tags'], 'AWS::DynamoDB::Table': ['TableName', 'Tags'], 'AWS::DynamoDB::GlobalTable': ['TableName', 'Replicas'] },
  description: 'Every PII bucket and PII table of an environment is covered by a data-event selector (all reads and writes) of a trail in that environment',
  fix: 'Register the store with the environment\'s PiiDataEvents trail (registerBucket / registerTable), or add an advanced event selector (eventCategory Data, resources.type AWS::S3::Object or AWS::DynamoDB::Table, resources.ARN naming the store) to a trail of the environment',
  explanation: 'DPP 3.6 Logging and Monitoring requires logging on every channel that reaches Information, storage-layer APIs included, with access attempts and data changes; for S3 and DynamoDB those are CloudTrail data events, which no trail logs unless a selector names them.',
  check: (indexes) => {
    const verdicts: AppVerdict[] = unknownEnvironmentVerdicts(indexes);
    for (const [environment, stacks] of stacksByEnvironment(indexes)) {
      const trails: TrailCoverage[] = stacks.flatMap((index) => index.ofType('AWS::CloudTrail::Trail').map((id) => ({
        index, id, conditional: index.resource(id)?.Condition !== undefined, coverage: dataEventCoverage(index, id),
      })));
      for (const index of stacks) {
        for (const [storeType, eventType] of Object.entries(DATA_EVENT_TYPE_OF_STORE)) {
          for (const id of index.ofType(storeType)) {
            const verdict = verdictOf(index, id, storeType, eventType, environment, trails);
            if (verdict) verdicts.push({ stack: index.stack, logicalId: id, verdict });
          }
        }
      }
    }
    return verdicts;
  },
});

function verdictOf(index: TemplateIndex, id: string, storeType: string, eventType: string, environment: string, trails: readonly TrailCoverage[]) {
  const status = piiStatus(index, id);
  if (status === 'no') return undefined;
  if (status === 'unknown') return unresolvable(`Tags.${TAG_CLASSIFICATION}`, 'the classification tag is given by an intrinsic, so whether the store needs data events is unknown');
  const name = literalStoreName(index, id);
  const covers = (t: TrailCoverage): boolean => {
    const c = t.coverage.get(eventType);
    return c !== undefined && (c.all || (t.index === index && c.logicalIds.has(id)) || (name !== undefined && c.literals.some((l) => literalCovers(l, storeType, name))));
  };
  const covering = trails.filter(covers);
  if (covering.some((t) => !t.conditional)) return undefined;
  if (covering.length > 0) return unresolvable('Condition', `the only trail logging its data events (${covering[0].id}) exists only under condition ${String(covering[0].index.resource(covering[0].id)?.Condition)}`);
  const unknown = trails.map((t) => t.coverage.get(eventType)?.unresolvable && `${t.id}: ${t.coverage.get(eventType)!.unresolvable}`).find(Boolean);
  if (unknown) return unresolvable('AdvancedEventSelectors', `a trail's data-event selection is not known at synth time (${unknown})`);
  const narrowed = trails.flatMap((t) => (t.coverage.get(eventType)?.narrowed ?? []).map((n) => `${t.id} ${n}`));
  const what = storeType === 'AWS::S3::Bucket' ? 'PII bucket' : 'PII table';
  return fail(`${what} ${id} is not covered by a data-event selector of any trail in environment ${environment}` +
    (narrowed.length > 0 ? `; narrowed selectors log only part of its events: ${narrowed.join('; ')}` : ''));
}
