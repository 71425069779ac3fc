import { App } from 'aws-cdk-lib';
import { PiiDataEvents } from '../../constructs/audit/pii-data-events';
import { LogDataProtection } from '../../constructs/audit/log-data-protection';
import { DataBackups } from '../../constructs/data/data-backups';
import { CanaryRecords } from '../../constructs/detection/canary-records';
import { DataLossAlerts } from '../../constructs/detection/data-loss-alerts';
import { ReadAnomalyAlarms } from '../../constructs/detection/read-anomaly-alarms';
import { AccessAnalyzers } from '../../constructs/identity/access-analyzers';
import { EdgeFirewall } from '../../constructs/network/edge-firewall';
import { EgressFirewall } from '../../constructs/network/egress-firewall';
import { SegmentedVpc } from '../../constructs/network/segmented-vpc';
import { BaselineStack } from '../../lib/baseline/baseline-stack';
import { DATA_EVENTS_EXISTING_REASON, DATA_EVENTS_RULE, LOG_DATA_PROTECTION_EXISTING_REASON, LOG_DATA_PROTECTION_RULE } from '../../lib/baseline/data-protection';
import { environmentSchema } from '../../lib/config';
import { acknowledgmentsOf } from '../constructs/fixtures';

/** The construct tree only (no synthesis): which controls the wiring adds, by feature. */
function baseline(features: Record<string, unknown> = {}, more: Record<string, unknown> = {}): BaselineStack {
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
  const config = environmentSchema.parse({
    account: '111111111111', region: 'eu-west-1', availabilityZones: ['eu-west-1a'], approvedCidrs: ['203.0.113.0/24'], alertEmail: 'a@example.com', features, ...more,
  });
  return new BaselineStack(app, 'Baseline', { environmentName: 'test', config });
}

const CONTROLS = [
  ['PiiDataEvents', PiiDataEvents, 'dataEvents'],
  ['CanaryRecords', CanaryRecords, 'canaryRecords'],
  ['ReadAnomalyAlarms', ReadAnomalyAlarms, 'readAnomalyAlarms'],
  ['LogDataProtection', LogDataProtection, 'logDataProtection'],
  ['AccessAnalyzers', AccessAnalyzers, 'accessAnalyzer'],
  ['Backups', DataBackups, 'backups'],
  ['EdgeFirewall', EdgeFirewall, 'edgeFirewall'],
  ['DataLossAlerts', DataLossAlerts, 'dataLossAlerts'],
] as const;

describe('addDataProtection: each control switched by its features key', () => {
  test('by default every control is in the baseline', () => {
    const stack = baseline();
    for (const [id, type] of CONTROLS) expect(stack.node.tryFindChild(id)).toBeInstanceOf(type);
  });

  test('false leaves a control out and acknowledges nothing, so its rule still reports', () => {
    const stack = baseline(Object.fromEntries(CONTROLS.map(([, , key]) => [key, false])));
    for (const [id] of CONTROLS) expect(stack.node.tryFindChild(id)).toBeUndefined();
    expect(acknowledgmentsOf(stack)).not.toHaveProperty([DATA_EVENTS_RULE]);
    expect(acknowledgmentsOf(stack)).not.toHaveProperty([LOG_DATA_PROTECTION_RULE]);
  });

  test('"existing" leaves a control to the organization, acknowledging its rule with that reason', () => {
    const stack = baseline(Object.fromEntries(CONTROLS.map(([, , key]) => [key, key === 'canaryRecords' ? false : 'existing'])));
    for (const [id] of CONTROLS) expect(stack.node.tryFindChild(id)).toBeUndefined();
    expect(acknowledgmentsOf(stack)).toMatchObject({ [DATA_EVENTS_RULE]: DATA_EVENTS_EXISTING_REASON, [LOG_DATA_PROTECTION_RULE]: LOG_DATA_PROTECTION_EXISTING_REASON });
  });

  test('the Network Firewall is off by default; features.networkFirewall puts it on the VPC with egressAllowedDomains', () => {
    expect((baseline().node.findChild('Network') as SegmentedVpc).egressFirewall).toBeUndefined();
    const stack = baseline({ networkFirewall: true }, { egressAllowedDomains: ['.amazonaws.com'] });
    const firewall = (stack.node.findChild('Network') as SegmentedVpc).egressFirewall;
    expect(firewall).toBeInstanceOf(EgressFirewall);
    expect(firewall!.domainAllowlist.ruleGroup).toMatchObject({ rulesSource: { rulesSourceList: { targets: ['.amazonaws.com'] } } });
  });

  test('the baseline registers its PII bucket and table with the data-events trail and gives each a canary', () => {
    const stack = baseline();
    const canaries = stack.node.findChild('CanaryRecords') as CanaryRecords;
    expect(Object.keys(canaries.alarms)).toEqual(['pii-bucket', 'pii-table']);
    const anomalies = stack.node.findChild('ReadAnomalyAlarms') as ReadAnomalyAlarms;
    expect(Object.keys(anomalies.alarms)).toEqual(['pii-bucket-GetRequests', 'pii-bucket-BytesDownloaded', 'pii-table-ConsumedReadCapacityUnits', 'database-VolumeReadIOPs']);
  });
});
