import type { Rule } from '../../types';
import { RdsStorageEncrypted } from './rds-storage-encrypted';

/** The rules of DPP 3.4 Encryption at Rest. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [RdsStorageEncrypted];
