/**
 * The data-protection controls of issue 15 that no DPP rule can assert on a template (whether an
 * alarm watches the right store is a wiring question, not a property), checked on the synthesized
 * baseline by name: each PII bucket and table has a canary alarm and a read-volume anomaly alarm,
 * each PII database an anomaly alarm, and each of them a backup selection (DPP 3.7); a Macie session
 * has automated sensitive-data discovery turned on after it (DPP 3.3). `missingControls` lists what is missing, one line per
 * store and control, so a mutation that removes one is caught by a test naming the control.
 */
import { PII, idsOf, type MutableStack, type Resource } from './mutations';

const ALARM = 'AWS::CloudWatch::Alarm';
const METRIC_FILTER = 'AWS::Logs::MetricFilter';

/** True when `raw` (any template value) refers to `logicalId` by Ref or Fn::GetAtt. */
function mentions(raw: unknown, logicalId: string): boolean {
  const text = JSON.stringify(raw ?? null);
  return text.includes(`{"Ref":"${logicalId}"}`) || text.includes(`"Fn::GetAtt":["${logicalId}"`);
}

const notifies = (alarm: Resource) => ((alarm.Properties?.AlarmActions as unknown[] | undefined) ?? []).length > 0;

/** Metric names of canary filters (a `dpp-canary` pattern) that name the store. */
function canaryMetrics(stack: MutableStack, store: string): string[] {
  return idsOf(stack, METRIC_FILTER).map((id) => stack.template.Resources[id].Properties ?? {})
    .filter((p) => JSON.stringify(p.FilterPattern).includes('dpp-canary') && mentions(p.FilterPattern, store))
    .flatMap((p) => (p.MetricTransformations as Array<{ MetricName: string }>).map((m) => m.MetricName));
}

function alarms(stack: MutableStack): Resource[] {
  return idsOf(stack, ALARM).map((id) => stack.template.Resources[id]);
}

function hasCanaryAlarm(stack: MutableStack, store: string): boolean {
  const metrics = new Set(canaryMetrics(stack, store));
  return alarms(stack).some((a) => notifies(a) && metrics.has(String(a.Properties?.MetricName)));
}

function hasAnomalyAlarm(stack: MutableStack, store: string): boolean {
  return alarms(stack).some((a) => notifies(a) && a.Properties?.ThresholdMetricId !== undefined && mentions(a.Properties?.Metrics, store));
}

function hasBackupSelection(stack: MutableStack, store: string): boolean {
  return idsOf(stack, 'AWS::Backup::BackupSelection').some((id) => mentions(stack.template.Resources[id].Properties?.BackupSelection, store));
}

/** True when a custom resource turns automated discovery on, after the session (it fails before Macie is enabled). */
function hasMacieAutomatedDiscovery(stack: MutableStack, session: string): boolean {
  return idsOf(stack, 'Custom::MacieAutomatedDiscovery').some((id) => {
    const resource = stack.template.Resources[id];
    const call = JSON.parse(String(resource.Properties?.Create ?? '{}')) as { action?: string; parameters?: { status?: string } };
    return call.action === 'updateAutomatedDiscoveryConfiguration' && call.parameters?.status === 'ENABLED' && ([] as string[]).concat(resource.DependsOn ?? []).includes(session);
  });
}

/** What is missing, as `<control> of <logical ID>`. */
export function missingControls(stack: MutableStack): string[] {
  const missing: string[] = [];
  for (const type of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table']) {
    for (const store of idsOf(stack, type, PII)) {
      if (!hasCanaryAlarm(stack, store)) missing.push(`canary alarm of ${store}`);
      if (!hasAnomalyAlarm(stack, store)) missing.push(`read-volume anomaly alarm of ${store}`);
      if (!hasBackupSelection(stack, store)) missing.push(`backup selection of ${store}`);
    }
  }
  for (const store of idsOf(stack, 'AWS::RDS::DBCluster', PII)) {
    if (!hasAnomalyAlarm(stack, store)) missing.push(`read-volume anomaly alarm of ${store}`);
    if (!hasBackupSelection(stack, store)) missing.push(`backup selection of ${store}`);
  }
  for (const session of idsOf(stack, 'AWS::Macie::Session')) {
    if (!hasMacieAutomatedDiscovery(stack, session)) missing.push(`Macie automated discovery of ${session}`);
  }
  return missing;
}

/** A mutation that removes one of those controls, and the line `missingControls` must then give. */
export interface ControlMutation {
  readonly name: string;
  /** The line expected from `missingControls`, with `<store>` for the store's logical ID. */
  readonly control: string;
  readonly mutate: (stack: MutableStack) => string;
}

function removeAlarmWhere(stack: MutableStack, where: (alarm: Resource) => boolean): void {
  const id = idsOf(stack, ALARM).find((i) => where(stack.template.Resources[i]));
  if (!id) throw new Error(`mutation: no matching alarm in ${stack.key}`);
  delete stack.template.Resources[id];
}

export const CONTROL_MUTATIONS: readonly ControlMutation[] = [
  {
    name: 'remove the canary alarm of the PII bucket',
    control: 'canary alarm of <store>',
    mutate: (stack) => {
      const [bucket] = idsOf(stack, 'AWS::S3::Bucket', PII);
      const metrics = new Set(canaryMetrics(stack, bucket));
      removeAlarmWhere(stack, (a) => metrics.has(String(a.Properties?.MetricName)));
      return bucket;
    },
  },
  {
    name: 'remove the read-volume anomaly alarm of the PII table',
    control: 'read-volume anomaly alarm of <store>',
    mutate: (stack) => {
      const [table] = idsOf(stack, 'AWS::DynamoDB::Table', PII);
      removeAlarmWhere(stack, (a) => a.Properties?.ThresholdMetricId !== undefined && mentions(a.Properties?.Metrics, table));
      return table;
    },
  },
  {
    name: 'remove the backup selection of the PII table',
    control: 'backup selection of <store>',
    mutate: (stack) => {
      const [table] = idsOf(stack, 'AWS::DynamoDB::Table', PII);
      const selection = idsOf(stack, 'AWS::Backup::BackupSelection').find((id) => mentions(stack.template.Resources[id].Properties?.BackupSelection, table));
      if (!selection) throw new Error('mutation: no backup selection of the PII table');
      delete stack.template.Resources[selection];
      return table;
    },
  },
  {
    name: 'remove the custom resource that turns Macie automated discovery on',
    control: 'Macie automated discovery of <store>',
    mutate: (stack) => {
      const [session] = idsOf(stack, 'AWS::Macie::Session');
      const [discovery] = idsOf(stack, 'Custom::MacieAutomatedDiscovery');
      if (!session || !discovery) throw new Error('mutation: no Macie session or automated discovery');
      delete stack.template.Resources[discovery];
      return session;
    },
  },
];
