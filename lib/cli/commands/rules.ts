import type { Command } from 'commander';

/** Registers `dpp rules`. (Placeholder until the command lands.) */
export function registerRules(_program: Command, _state: { exitCode: number }): void {}
