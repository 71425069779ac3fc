import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { CLASSIFICATIONS, TAG_CLASSIFICATION, TAG_DATA_ORIGIN, type Classification } from '../../lib/checks/vocabulary';
import { invalidProp, requireText } from '../common/validate';

/** Where a store's data came from and how it is classified (DPP 2.9 Data Attribution). */
export interface Attribution {
  readonly origin: string;
  readonly classification: Classification;
}

/**
 * Tag priorities above the baseline's defaults (50) and CDK's default (100), so a construct's own
 * attribution wins over anything set on an enclosing scope; the store's own tags (the records)
 * win over the construct-wide tags of its supporting resources (secrets, log groups, log buckets).
 */
export const SUPPORT_TAG_PRIORITY = 200;
export const STORE_TAG_PRIORITY = 300;

/** Validates a construct's `dataOrigin` / `classification` props and applies their defaults. */
export function attributionOf(construct: string, origin: string | undefined, classification: Classification | undefined, defaults: Attribution): Attribution {
  const resolvedOrigin = requireText(construct, 'dataOrigin', origin ?? defaults.origin);
  const resolvedClassification = classification ?? defaults.classification;
  if (!CLASSIFICATIONS.includes(resolvedClassification)) invalidProp(construct, 'classification', `must be one of ${CLASSIFICATIONS.join(', ')}, got ${JSON.stringify(resolvedClassification)}`);
  return { origin: resolvedOrigin, classification: resolvedClassification };
}

function tag(scope: IConstruct, attribution: Attribution, priority: number): void {
  Tags.of(scope).add(TAG_DATA_ORIGIN, attribution.origin, { priority });
  Tags.of(scope).add(TAG_CLASSIFICATION, attribution.classification, { priority });
}

/** Tags every resource of a construct (the default for its supporting resources). */
export function tagSupport(scope: IConstruct, attribution: Attribution): void {
  tag(scope, attribution, SUPPORT_TAG_PRIORITY);
}

/** Tags the store that holds the records; wins over `tagSupport` on an enclosing construct. */
export function tagStore(store: IConstruct, attribution: Attribution): void {
  tag(store, attribution, STORE_TAG_PRIORITY);
}
