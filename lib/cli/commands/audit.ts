import type { Command } from 'commander';

/** Registers `dpp audit`. (Placeholder until the command lands.) */
export function registerAudit(_program: Command, _state: { exitCode: number }): void {}
