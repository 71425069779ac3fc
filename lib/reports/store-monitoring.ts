import { dataEventCoverage, DATA_EVENT_TYPE_OF_STORE } from '../checks/lookups/data-event-selectors';
import type { TemplateIndex } from '../checks/template-index';

/**
 * How each data store of a template is watched (DPP 3.6 Logging and Monitoring), for the record of
 * processing: data events logged by a trail's selectors, a canary-record metric filter
 * (`dpp-canary`), a read-volume anomaly-detection alarm. Built once per template from the trails,
 * metric filters and alarms and the template's reference index: linear in its size.
 */
export function storeMonitoring(index: TemplateIndex): (logicalId: string) => string {
  const facts = new Map<string, string[]>();
  const add = (id: string, fact: string) => facts.set(id, [...(facts.get(id) ?? []), fact]);
  const everyOfType = new Map<string, string>();

  for (const trail of index.ofType('AWS::CloudTrail::Trail')) {
    for (const [eventType, coverage] of dataEventCoverage(index, trail)) {
      if (coverage.all) everyOfType.set(eventType, `data events (trail ${trail}, every resource)`);
      for (const id of coverage.logicalIds) add(id, `data events (trail ${trail})`);
    }
  }
  for (const filter of index.ofType('AWS::Logs::MetricFilter')) {
    if (!JSON.stringify(index.resource(filter)?.Properties?.FilterPattern ?? '').includes('dpp-canary')) continue;
    for (const r of index.referencesFrom(filter)) if (r.path.startsWith('Properties.FilterPattern')) add(r.to, 'canary-record alarm filter');
  }
  for (const alarm of index.ofType('AWS::CloudWatch::Alarm')) {
    if (index.resource(alarm)?.Properties?.ThresholdMetricId === undefined) continue;
    for (const r of index.referencesFrom(alarm)) if (r.path.startsWith('Properties.Metrics')) add(r.to, 'read-volume anomaly alarm');
  }

  return (logicalId) => {
    const type = index.typeOf(logicalId) ?? '';
    const all = everyOfType.get(DATA_EVENT_TYPE_OF_STORE[type] ?? '');
    const list = [...new Set([...(all ? [all] : []), ...(facts.get(logicalId) ?? [])])];
    return list.length > 0 ? list.join('; ') : 'none declared';
  };
}
