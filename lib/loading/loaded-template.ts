import type { StackTemplate } from '../checks/template';
import type { CreationLocations } from './creation-locations';

/** A template read from disk, ready to check, with where things are in its file. */
export interface LoadedTemplate {
  /** What the engine checks. `stack.id` is the file path, unique within one invocation. */
  readonly stack: StackTemplate;
  /** The template's file, as the user gave it (joined to the assembly directory for cloud assemblies). */
  readonly file: string;
  /** 1-based line of each resource's logical ID in the file. */
  readonly resourceLines: ReadonlyMap<string, number>;
  /** 1-based line of the `Resources` key (where findings about the whole stack point). */
  readonly resourcesLine?: number;
  /** Where the app's source created each resource and the stack (cloud assemblies with creation traces). */
  readonly creation?: CreationLocations;
}

/**
 * Templates that form one app and are checked together (app rules compare stacks): every stack
 * of one cloud assembly, nested assemblies and nested stacks included, or the loose templates of
 * one invocation.
 */
export interface TemplateGroup {
  /** The path argument the group came from (the assembly directory), or `templates` for loose ones. */
  readonly source: string;
  readonly templates: readonly LoadedTemplate[];
}

/** Something the user should know that is not a finding and does not fail the run. */
export interface Notice {
  /** The template or path it concerns. */
  readonly template: string;
  readonly message: string;
}
