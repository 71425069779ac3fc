import { requireInEachEnvironment } from '../../lookups/environment-presence';
import { appRule } from '../../types';

export const ConfigRecorderPresent = appRule({
  id: 'DPP-3.3-ConfigRecorderPresent',
  clause: '3.3',
  level: 'error',
  description: 'Each baseline environment (each dpp:environment among the stacks) records its configuration with AWS Config',
  fix: 'Add an AWS Config configuration recorder and delivery channel to the environment (the baseline\'s DetectiveServices with features.config)',
  explanation: 'DPP 3.3 Asset Management requires a baseline standard configuration and an inventory of assets kept up to date; AWS Config records both.',
  environmentControl: true,
  // Presence and Condition only.
  reads: { 'AWS::Config::ConfigurationRecorder': [] },
  check: (indexes) => requireInEachEnvironment(indexes, 'AWS::Config::ConfigurationRecorder', 'AWS Config configuration recorder'),
});
