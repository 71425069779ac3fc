import type { Rule } from '../../types';
import { NoPiiLogGroup } from './no-pii-log-group';
import { PiiBucketExpiration } from './pii-bucket-expiration';
import { PiiTableTtl } from './pii-table-ttl';

/** The rules of DPP 3.1 Data Retention (PII). One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [PiiBucketExpiration, PiiTableTtl, NoPiiLogGroup];
