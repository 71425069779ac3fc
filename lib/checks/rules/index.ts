import { DPP, type PolicyProfile } from '../../policy/profile';
import { RuleSet } from '../engine';
import type { Rule } from '../types';
import { rules as networkProtection } from './2.1-network-protection';
import { rules as accessManagement } from './2.2-access-management';
import { rules as leastPrivilege } from './2.3-least-privilege';
import { rules as credentialManagement } from './2.4-credential-management';
import { rules as encryptionInTransit } from './2.5-encryption-in-transit';
import { rules as incidentResponse } from './2.7-incident-response';
import { rules as deletionOrReturn } from './2.8-deletion-or-return';
import { rules as dataAttribution } from './2.9-data-attribution';
import { rules as dataRetention } from './3.1-data-retention';
import { rules as assetManagement } from './3.3-asset-management';
import { rules as encryptionAtRest } from './3.4-encryption-at-rest';
import { rules as secureCoding } from './3.5-secure-coding';
import { rules as loggingMonitoring } from './3.6-logging-monitoring';
import { rules as vulnerabilityManagement } from './3.7-vulnerability-management';
// Issue 15, the DPP in full: storage-layer logging, logs without PII, edge firewalls.
import { PublicEntryPointWebAcl } from './2.1-network-protection/public-entry-point-web-acl';
import { LogGroupDataProtection } from './3.6-logging-monitoring/log-group-data-protection';
import { PiiStoreDataEvents } from './3.6-logging-monitoring/pii-store-data-events';

/** Every DPP rule, in clause order. */
export const ALL_RULES: readonly Rule[] = [
  ...networkProtection,
  ...accessManagement,
  ...leastPrivilege,
  ...credentialManagement,
  ...encryptionInTransit,
  ...incidentResponse,
  ...deletionOrReturn,
  ...dataAttribution,
  ...dataRetention,
  ...assetManagement,
  ...encryptionAtRest,
  ...secureCoding,
  ...loggingMonitoring,
  ...vulnerabilityManagement,
  // Issue 15, the DPP in full (rule files live in their clause's folder).
  PiiStoreDataEvents,
  LogGroupDataProtection,
  PublicEntryPointWebAcl,
];

const ruleSets = new WeakMap<PolicyProfile, RuleSet>();

/** The rule set of every DPP rule under a profile (default `dpp`), built once per profile. */
export function dppRuleSet(policy: PolicyProfile = DPP): RuleSet {
  let ruleSet = ruleSets.get(policy);
  if (!ruleSet) {
    ruleSet = new RuleSet(ALL_RULES, policy);
    ruleSets.set(policy, ruleSet);
  }
  return ruleSet;
}
