import type { Command } from 'commander';

/** Registers `dpp report`. (Placeholder until the command lands.) */
export function registerReport(_program: Command, _state: { exitCode: number }): void {}
