import type { Stack } from 'aws-cdk-lib';
import type { EnvironmentConfig, EnvironmentName } from '../config';

/** What the network and data part of the baseline gives the rest of the stack. */
export interface NetworkAndData {}

/** Adds the network and data constructs (DPP 2.1, 2.5, 2.9, 3.1, 3.4, 3.7) to a baseline stack. */
export function addNetworkAndData(_stack: Stack, _environment: EnvironmentName, _config: EnvironmentConfig): NetworkAndData {
  return {};
}
