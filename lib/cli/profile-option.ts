import { Option } from 'commander';
import { resolveProfile } from '../policy/load';
import type { PolicyProfile } from '../policy/profile';

/**
 * `--profile NAME|FILE`, the same on every command: a built-in policy profile (`dpp`, the
 * default, or `dpp-2025`) or a team profile file that extends one. A bad name or file, or a
 * value that loosens the base, is a PolicyError: one line per problem, exit 2 (main.ts).
 */
export function profileOption(): Option {
  return new Option('--profile <name|file>', 'policy profile: dpp (default), dpp-2025, or a team profile file (JSON or YAML) that tightens one').default('dpp');
}

/** The profile `--profile` names. */
export function selectedProfile(options: { readonly profile?: string }): PolicyProfile {
  return resolveProfile(options.profile ?? 'dpp', '--profile');
}
