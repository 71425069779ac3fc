import { tagSites } from '../../lookups/store-tags';
import type { Verdict } from '../../types';
import { fail, resourceRule, unresolvable } from '../../types';
import { DATA_STORE_TYPES, TAG_DATA_ORIGIN } from '../../vocabulary';

export const DataOriginTagged = resourceRule({
  id: 'DPP-2.9-DataOriginTagged',
  clause: '2.9',
  level: 'error',
  resourceTypes: DATA_STORE_TYPES,
  description: `Every data store names the origin of its data (${TAG_DATA_ORIGIN} tag)`,
  fix: `Tag the store ${TAG_DATA_ORIGIN}=<origin> (e.g. ecartapi, internal); with CDK, Tags.of(store).add('${TAG_DATA_ORIGIN}', 'ecartapi')`,
  explanation: 'DPP 2.9 Data Attribution requires the origin of all data in a database holding Information to be identifiable; the tag is also how a deletion request (DPP 2.8) finds every store to purge.',
  check: (ctx) =>
    tagSites(ctx, TAG_DATA_ORIGIN).flatMap(({ property, where, value }): Verdict[] => {
      const on = where ? ` on ${where}` : '';
      if (value.kind === 'unresolvable') return [unresolvable(`${property}.${TAG_DATA_ORIGIN}`, value.why)];
      if (value.kind === 'absent') return [fail(`the store has no ${TAG_DATA_ORIGIN} tag${on}`, property)];
      if (value.kind === 'known' && (typeof value.value !== 'string' || value.value.trim() === '')) return [fail(`the ${TAG_DATA_ORIGIN} tag${on} is empty`, property)];
      return [];
    }),
});
