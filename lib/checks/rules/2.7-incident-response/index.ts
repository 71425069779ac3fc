import type { Rule } from '../../types';
import { AlarmHasAction } from './alarm-has-action';
import { SecurityTopicSubscribed } from './security-topic-subscribed';

/** The rules of DPP 2.7 Incident Response. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [AlarmHasAction, SecurityTopicSubscribed];
