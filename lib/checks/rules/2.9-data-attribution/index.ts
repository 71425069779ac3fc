import type { Rule } from '../../types';
import { ClassificationTagged } from './classification-tagged';
import { DataOriginTagged } from './data-origin-tagged';

/** The rules of DPP 2.9 Data Attribution. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [DataOriginTagged, ClassificationTagged];
