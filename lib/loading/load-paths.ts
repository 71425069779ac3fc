import * as fs from 'node:fs';
import * as path from 'node:path';
import { isCloudAssembly, loadCloudAssembly } from './cloud-assembly';
import { fileProblem, fileProblemReason, InputError } from './errors';
import { MAX_TEMPLATE_FILES } from './limits';
import type { LoadedTemplate, Notice, TemplateGroup } from './loaded-template';
import { readTemplateFile } from './parse-template';
import { stackSetBodies } from './stack-set-bodies';

/** File names read as templates when walking a directory. */
const TEMPLATE_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template']);
/** Directories never walked: dependencies and hidden folders (.git, .cdk.staging …). */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/** What a set of path arguments holds: the groups to check (one per cloud assembly, one for loose templates) and notices. */
export interface LoadedInput {
  readonly groups: readonly TemplateGroup[];
  readonly notices: readonly Notice[];
}

function loose(file: string): LoadedTemplate {
  const parsed = readTemplateFile(file);
  return {
    stack: { id: file, template: parsed.template },
    file,
    resourceLines: parsed.resourceLines,
    resourcesLine: parsed.resourcesLine,
  };
}

/**
 * The template files under a directory, in a stable order. Symbolic links are followed, each real
 * directory once (a link loop ends); unreadable entries and dangling links become notices.
 */
function templateFilesUnder(root: string, notices: Notice[]): string[] {
  const files: string[] = [];
  const visited = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const directory = pending.pop()!;
    let real: string;
    let entries: string[];
    try {
      real = fs.realpathSync(directory);
      if (visited.has(real)) continue;
      visited.add(real);
      entries = fs.readdirSync(directory).sort();
    } catch (error) {
      if (directory === root) throw fileProblem(directory, error);
      notices.push({ template: directory, message: `skipped: ${fileProblemReason(error)}` });
      continue;
    }
    const subdirectories: string[] = [];
    for (const name of entries) {
      const entry = path.join(directory, name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(entry);
      } catch (error) {
        notices.push({ template: entry, message: `skipped: ${fileProblemReason(error)}` });
        continue;
      }
      if (stat.isDirectory()) {
        if (!name.startsWith('.') && !SKIPPED_DIRECTORIES.has(name)) subdirectories.push(entry);
      } else if (stat.isFile() && TEMPLATE_EXTENSIONS.has(path.extname(name).toLowerCase())) {
        files.push(entry);
        if (files.length > MAX_TEMPLATE_FILES) throw new InputError(`${root}: more than ${MAX_TEMPLATE_FILES} template files; point dpp at a narrower directory`);
      }
    }
    pending.push(...subdirectories.reverse());
  }
  return files;
}

/** A directory argument: its walk's notices, then those of the files in it that are not templates. */
export interface PlannedDirectory {
  readonly directory: string;
  readonly notices: Notice[];
  /** Templates found in it (a directory with none is bad input). */
  templates: number;
}

/** A loose template file, with the first argument that names it. */
export interface PlannedFile {
  readonly file: string;
  readonly argument: number;
  /** Given by name (a bad file is an error), not only found in a directory (a non-template is a notice). */
  direct: boolean;
  /** Indexes into {@link PathPlan.directories} of the directory arguments it was found under. */
  readonly directories: number[];
}

/** A cloud assembly argument. */
export interface PlannedAssembly {
  readonly given: string;
  readonly directory: string;
  readonly argument: number;
}

/**
 * What a set of path arguments names, before any template is read: the cloud assemblies, the
 * loose template files (each once, in first-seen order) and the directory arguments. Holds file
 * names only, so the templates themselves can be read one at a time.
 */
export interface PathPlan {
  readonly assemblies: readonly PlannedAssembly[];
  readonly loose: readonly PlannedFile[];
  readonly directories: readonly PlannedDirectory[];
}

/** Walks the path arguments (directories recursively) without reading a template. Throws {@link InputError} on a missing path. */
export function planPaths(paths: readonly string[]): PathPlan {
  if (paths.length === 0) throw new InputError('no template, directory or cloud assembly given');
  const assemblies: PlannedAssembly[] = [];
  const directories: PlannedDirectory[] = [];
  const loose = new Map<string, PlannedFile>();
  const addLoose = (file: string, argument: number, direct: boolean, directory?: number): void => {
    let planned = loose.get(file);
    if (!planned) loose.set(file, (planned = { file, argument, direct, directories: [] }));
    planned.direct ||= direct;
    if (directory !== undefined) planned.directories.push(directory);
  };
  paths.forEach((given, argument) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      throw fileProblem(given, error);
    }
    if (stat.isDirectory() && isCloudAssembly(given)) {
      assemblies.push({ given, directory: path.normalize(given), argument });
    } else if (stat.isDirectory()) {
      const directory: PlannedDirectory = { directory: path.normalize(given), notices: [], templates: 0 };
      directories.push(directory);
      for (const file of templateFilesUnder(directory.directory, directory.notices)) addLoose(file, argument, false, directories.length - 1);
    } else {
      addLoose(given, argument, true);
    }
  });
  return { assemblies, loose: [...loose.values()], directories };
}

/**
 * Which templates each argument contributes, as `loadPaths` always decided: a template named by
 * two arguments belongs to the first (an assembly given twice contributes nothing the second time).
 */
export class PlanClaims {
  private readonly byAssembly = new Map<string, number>();
  private readonly looseArgument: ReadonlyMap<string, number>;

  constructor(private readonly plan: PathPlan) {
    this.looseArgument = new Map(plan.loose.map((f) => [f.file, f.argument]));
  }

  /** The loose files of arguments before this one (an assembly argument leaves them out). */
  public looseBefore(argument: number): string[] {
    return this.plan.loose.filter((f) => f.argument < argument).map((f) => f.file);
  }

  /** Everything an assembly argument must leave out: earlier loose files, and templates earlier assemblies claimed. */
  public excludedFor(argument: number): string[] {
    return [...this.looseBefore(argument), ...this.byAssembly.keys()];
  }

  /** True unless an earlier argument has the template (a loose file, or an assembly's). A file the same argument claimed stays its own (a StackSet's body shares its file). */
  public canClaim(file: string, argument: number): boolean {
    const loose = this.looseArgument.get(file);
    const assembly = this.byAssembly.get(file);
    return (assembly === undefined || assembly === argument) && !(loose !== undefined && loose < argument);
  }

  /** Claims a template of an assembly argument; false when an earlier argument has it. */
  public claimForAssembly(file: string, argument: number): boolean {
    if (!this.canClaim(file, argument)) return false;
    this.byAssembly.set(file, argument);
    return true;
  }

  /** The loose files no earlier assembly argument has; files claimed by one still count as templates of their directories. */
  public looseFiles(): PlannedFile[] {
    return this.plan.loose.filter((f) => {
      const assembly = this.byAssembly.get(f.file);
      if (assembly === undefined || assembly > f.argument) return true;
      for (const d of f.directories) this.plan.directories[d].templates++;
      return false;
    });
  }
}

/** The templates of a cloud assembly argument that it claims. Throws {@link InputError} when none is left. */
export function assemblyTemplates(assembly: PlannedAssembly, claims: PlanClaims): LoadedTemplate[] {
  const templates = loadCloudAssembly(assembly.directory).filter((t) => claims.claimForAssembly(t.file, assembly.argument));
  if (templates.length === 0) throw new InputError(`${assembly.given}: the cloud assembly has no stack templates`);
  return templates;
}

/**
 * What reading a loose file found: its templates (the file's own, then the body of each of its
 * StackSets, as a cloud assembly's stacks are read), or a file found in a directory that is not
 * a template (package.json …).
 */
export type LooseRead = { readonly templates: readonly LoadedTemplate[] } | { readonly notATemplate: true };

/** Reads a loose template file (any thread: it records nothing). Anything wrong but "not a template" in a directory is an {@link InputError}. */
export function readLooseTemplate(planned: PlannedFile): LooseRead {
  let template: LoadedTemplate;
  try {
    template = loose(planned.file);
  } catch (error) {
    if (!planned.direct && error instanceof InputError && /not a CloudFormation template|empty file/.test(error.message)) return { notATemplate: true };
    throw error;
  }
  // Outside the try: a StackSet body that does not parse is bad input, even in a file found in a directory.
  return { templates: [template, ...stackSetBodies(template)] };
}

/** Records what reading a loose file found in its directories: a template, or a notice that it was skipped. */
export function recordLooseRead(plan: PathPlan, planned: PlannedFile, isTemplate: boolean): void {
  for (const d of planned.directories) {
    if (isTemplate) plan.directories[d].templates++;
    else plan.directories[d].notices.push({ template: planned.file, message: 'skipped: not a CloudFormation template' });
  }
}

/** Reads a loose template file and records it: its templates (StackSet bodies included), none when it is skipped as not a template. */
export function readLooseFile(plan: PathPlan, planned: PlannedFile): readonly LoadedTemplate[] {
  const read = readLooseTemplate(planned);
  recordLooseRead(plan, planned, 'templates' in read);
  return 'templates' in read ? read.templates : [];
}

/** Once every loose file is read: a directory argument with no template is bad input. The notices of the input, in argument order. */
export function finishPlan(plan: PathPlan): Notice[] {
  const empty = plan.directories.find((d) => d.templates === 0);
  if (empty) throw new InputError(`${empty.directory}: no CloudFormation templates (.json, .yaml, .yml, .template) in this directory`);
  return plan.directories.flatMap((d) => d.notices);
}

/**
 * Reads the path arguments of a command: template files, directories of templates (recursive),
 * and cloud assemblies (directories with a `manifest.json`). Each cloud assembly is one group
 * (one app); every loose template of the invocation goes into one more group. Throws
 * {@link InputError} on bad input: the command prints it and exits 2. Holds every template in
 * memory: `dpp check` streams the same plan instead (reports/check-stream.ts).
 */
export function loadPaths(paths: readonly string[]): LoadedInput {
  const plan = planPaths(paths);
  const claims = new PlanClaims(plan);
  const groups: TemplateGroup[] = plan.assemblies.map((assembly) => ({ source: assembly.given, templates: assemblyTemplates(assembly, claims) }));
  const looseTemplates = claims.looseFiles().flatMap((f) => readLooseFile(plan, f));
  const notices = finishPlan(plan);
  if (looseTemplates.length > 0) groups.push({ source: 'templates', templates: looseTemplates });
  return { groups, notices };
}
