import type { Command } from 'commander';

/** Registers `dpp check`. (Placeholder until the command lands.) */
export function registerCheck(_program: Command, _state: { exitCode: number }): void {}
