import { tagSites } from '../../lookups/store-tags';
import type { Verdict } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';
import { CLASSIFICATIONS, DATA_STORE_TYPES, TAG_CLASSIFICATION } from '../../vocabulary';

export const ClassificationTagged = resourceRule({
  id: 'DPP-2.9-ClassificationTagged',
  clause: '2.9',
  level: 'error',
  resourceTypes: DATA_STORE_TYPES,
  description: `Every data store is classified (${TAG_CLASSIFICATION} tag, one of ${CLASSIFICATIONS.join('/')})`,
  fix: `Tag the store ${TAG_CLASSIFICATION} with one of ${CLASSIFICATIONS.join(', ')} (pii when it holds any PII)`,
  explanation: 'DPP 2.9 Data Attribution requires the data in every database to be identifiable; the classification decides which DPP section 3 controls (PII) the store must meet.',
  check: (ctx) =>
    tagSites(ctx, TAG_CLASSIFICATION).flatMap(({ property, where, value }): Verdict[] => {
      const on = where ? ` on ${where}` : '';
      if (value.kind === 'unresolvable') return [unresolvable(`${property}.${TAG_CLASSIFICATION}`, value.why)];
      if (value.kind === 'absent') return [fail(`the store has no ${TAG_CLASSIFICATION} tag${on}`, property)];
      const actual = value.kind === 'known' ? value.value : undefined;
      if (typeof actual === 'string' && (CLASSIFICATIONS as readonly string[]).includes(actual)) return [];
      return [fail(`the ${TAG_CLASSIFICATION} tag${on} is "${String(actual)}", not one of ${CLASSIFICATIONS.join(', ')}`, property)];
    }),
});
