import type { Rule } from '../../types';
import { NonPiiStoreExpiration } from './non-pii-store-expiration';
import { PiiBucketNoncurrentExpiration } from './pii-bucket-noncurrent-expiration';

/** The rules of DPP 2.8 Request for Deletion or Return. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [PiiBucketNoncurrentExpiration, NonPiiStoreExpiration];
