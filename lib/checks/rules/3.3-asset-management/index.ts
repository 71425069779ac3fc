import type { Rule } from '../../types';
import { ConfigRecorderPresent } from './config-recorder-present';

/** The rules of DPP 3.3 Asset Management. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [ConfigRecorderPresent];
