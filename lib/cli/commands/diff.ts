import type { Command } from 'commander';

/** Registers `dpp diff`. (Placeholder until the command lands.) */
export function registerDiff(_program: Command, _state: { exitCode: number }): void {}
