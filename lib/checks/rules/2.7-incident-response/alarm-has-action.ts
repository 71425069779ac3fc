import { fail, resourceRule, unresolvable } from '../../types';
import { asBoolean, isIntrinsic } from '../../values';

/** True when an intrinsic list entry may vanish at deploy (`Fn::If` can yield AWS::NoValue). */
function mayVanish(entry: unknown): boolean {
  return isIntrinsic(entry) && Object.keys(entry)[0] === 'Fn::If';
}

export const AlarmHasAction = resourceRule({
  id: 'DPP-2.7-AlarmHasAction',
  clause: '2.7',
  level: 'error',
  resourceTypes: ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'],
  description: 'CloudWatch alarms notify someone (at least one alarm action, actions enabled)',
  fix: 'Add an AlarmActions entry (e.g. the environment\'s security SNS topic) and leave ActionsEnabled true',
  explanation: 'DPP 2.7 Incident Response requires Security Incidents to be detected and handled; an alarm with no action goes off unseen.',
  check: (ctx) => {
    const enabled = ctx.prop('ActionsEnabled');
    if (enabled.kind === 'unresolvable') return unresolvable('ActionsEnabled', enabled.why);
    if (enabled.kind === 'known' && asBoolean(enabled.value) === false) return fail('alarm actions are disabled (ActionsEnabled: false)', 'ActionsEnabled');
    const actions = ctx.prop('AlarmActions');
    if (actions.kind === 'unresolvable') return unresolvable('AlarmActions', actions.why);
    const list = (actions.kind === 'known' && Array.isArray(actions.value) ? actions.value : []).filter((entry) => ctx.index.classify(entry).kind !== 'absent');
    if (list.some((entry) => !mayVanish(entry))) return undefined;
    if (list.length > 0) return unresolvable('AlarmActions', 'every action is given by Fn::If and may be AWS::NoValue');
    return fail('the alarm has no AlarmActions, so nobody is notified when it fires', 'AlarmActions');
  },
});
