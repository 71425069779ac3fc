import * as fs from 'node:fs';
import * as path from 'node:path';
import { isCloudAssembly, loadCloudAssembly } from './cloud-assembly';
import { fileProblem, fileProblemReason, InputError } from './errors';
import { MAX_TEMPLATE_FILES } from './limits';
import type { LoadedTemplate, Notice, TemplateGroup } from './loaded-template';
import { readTemplateFile } from './parse-template';

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

/** The loose templates of a directory. Files that parse but are not templates (package.json …) are skipped with a notice. */
function directoryTemplates(directory: string, notices: Notice[]): LoadedTemplate[] {
  const templates: LoadedTemplate[] = [];
  for (const file of templateFilesUnder(directory, notices)) {
    try {
      templates.push(loose(file));
    } catch (error) {
      if (error instanceof InputError && /not a CloudFormation template|empty file/.test(error.message)) {
        notices.push({ template: file, message: 'skipped: not a CloudFormation template' });
      } else {
        throw error;
      }
    }
  }
  if (templates.length === 0) throw new InputError(`${directory}: no CloudFormation templates (.json, .yaml, .yml, .template) in this directory`);
  return templates;
}

/**
 * Reads the path arguments of a command: template files, directories of templates (recursive),
 * and cloud assemblies (directories with a `manifest.json`). Each cloud assembly is one group
 * (one app); every loose template of the invocation goes into one more group. Throws
 * {@link InputError} on bad input: the command prints it and exits 2.
 */
export function loadPaths(paths: readonly string[]): LoadedInput {
  if (paths.length === 0) throw new InputError('no template, directory or cloud assembly given');
  const notices: Notice[] = [];
  const groups: TemplateGroup[] = [];
  const looseTemplates: LoadedTemplate[] = [];
  const seen = new Set<string>();
  const add = (list: LoadedTemplate[], templates: readonly LoadedTemplate[]): void => {
    for (const t of templates) {
      if (seen.has(t.file)) continue;
      seen.add(t.file);
      list.push(t);
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      throw fileProblem(given, error);
    }
    if (stat.isDirectory() && isCloudAssembly(given)) {
      const templates: LoadedTemplate[] = [];
      add(templates, loadCloudAssembly(path.normalize(given)));
      if (templates.length === 0) throw new InputError(`${given}: the cloud assembly has no stack templates`);
      groups.push({ source: given, templates });
    } else if (stat.isDirectory()) {
      add(looseTemplates, directoryTemplates(path.normalize(given), notices));
    } else {
      add(looseTemplates, [loose(given)]);
    }
  }
  if (looseTemplates.length > 0) groups.push({ source: 'templates', templates: looseTemplates });
  return { groups, notices };
}
