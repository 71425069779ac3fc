import type { Rule } from '../../types';

/** The rules of DPP 3.1. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [];
