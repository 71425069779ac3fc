import { stacksByEnvironment } from '../../lookups/stack-environments';
import type { AppVerdict } from '../../types';
import { appRule, fail, unresolvable } from '../../types';

const RECORDER = 'AWS::Config::ConfigurationRecorder';

export const ConfigRecorderPresent = appRule({
  id: 'DPP-3.3-ConfigRecorderPresent',
  clause: '3.3',
  level: 'error',
  description: 'Each baseline environment (each dpp:environment among the stacks) records its configuration with AWS Config',
  fix: 'Add an AWS Config configuration recorder and delivery channel to the environment (the baseline\'s DetectiveServices with features.config)',
  explanation: 'DPP 3.3 Asset Management requires a baseline standard configuration and an inventory of assets kept up to date; AWS Config records both.',
  check: (indexes) => {
    const verdicts: AppVerdict[] = [];
    for (const [environment, stacks] of stacksByEnvironment(indexes)) {
      const recorders = stacks.flatMap((index) => index.ofType(RECORDER).map((id) => ({ index, id })));
      // A recorder under a resource Condition may never be created.
      const unconditional = recorders.filter(({ index, id }) => index.resource(id)?.Condition === undefined);
      if (unconditional.length > 0) continue;
      const [first] = stacks;
      if (recorders.length > 0) {
        const { index, id } = recorders[0];
        verdicts.push({ stack: index.stack, logicalId: id, verdict: unresolvable('Condition', `the ${environment} recorder exists only under condition ${String(index.resource(id)?.Condition)}`) });
      } else {
        verdicts.push({ stack: first.stack, verdict: fail(`environment ${environment} has no AWS Config configuration recorder (stacks: ${stacks.map((s) => s.stack.id).join(', ')})`) });
      }
    }
    return verdicts;
  },
});
