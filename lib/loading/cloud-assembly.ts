import * as fs from 'node:fs';
import * as path from 'node:path';
import { creationLocations, type CreationLocations } from './creation-locations';
import { fileProblem, InputError, requireRegularFile } from './errors';
import { MAX_TEMPLATE_BYTES } from './limits';
import { stackSetBodies } from './stack-set-bodies';
import type { LoadedTemplate } from './loaded-template';
import { readTemplateFile } from './parse-template';

const STACK_ARTIFACT = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY_ARTIFACT = 'cdk:cloud-assembly';
const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';
const ASSET_PATH_METADATA = 'aws:asset:path';
/** How deep nested assemblies and nested stacks may go (a cycle or a hostile manifest must end). */
const MAX_NESTING = 32;

interface Artifact {
  readonly type?: unknown;
  readonly environment?: unknown;
  readonly displayName?: unknown;
  readonly metadata?: unknown;
  readonly additionalMetadataFile?: unknown;
  readonly properties?: { readonly templateFile?: unknown; readonly stackName?: unknown; readonly directoryName?: unknown };
}

/** True when a directory is a cloud assembly (`cdk.out`): it has a `manifest.json`. */
export function isCloudAssembly(directory: string): boolean {
  return fs.existsSync(path.join(directory, 'manifest.json'));
}

function readManifest(directory: string): Record<string, Artifact> {
  const file = path.join(directory, 'manifest.json');
  let text: string;
  try {
    const stat = fs.statSync(file);
    requireRegularFile(file, stat);
    if (stat.size > MAX_TEMPLATE_BYTES) throw new InputError(`${file}: over the size limit for a cloud assembly manifest`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw error instanceof InputError ? error : fileProblem(file, error);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: invalid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const artifacts = (manifest as { artifacts?: unknown } | null)?.artifacts;
  if (!artifacts || typeof artifacts !== 'object') throw new InputError(`${file}: not a cloud assembly manifest (no artifacts)`);
  return artifacts as Record<string, Artifact>;
}

/** `aws://111111111111/eu-west-1` → account and region; `unknown-account` / `unknown-region` stay undefined. */
export function parseEnvironment(environment: unknown): { account?: string; region?: string } {
  const match = typeof environment === 'string' ? /^aws:\/\/([^/]+)\/([^/]+)$/.exec(environment) : null;
  if (!match) return {};
  return {
    account: match[1] === 'unknown-account' ? undefined : match[1],
    region: match[2] === 'unknown-region' ? undefined : match[2],
  };
}

interface Parent {
  readonly stackName: string;
  readonly account?: string;
  readonly region?: string;
}

/** The templates of the nested stacks a template declares (`aws:asset:path` metadata names each file), recursively. */
function nestedStacks(directory: string, parent: LoadedTemplate, seen: Set<string>, depth: number): LoadedTemplate[] {
  const out: LoadedTemplate[] = [];
  const resources = parent.stack.template.Resources ?? {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource?.Type !== NESTED_STACK_TYPE) continue;
    const asset = resource.Metadata?.[ASSET_PATH_METADATA];
    if (typeof asset !== 'string') continue;
    const file = path.join(directory, asset);
    if (seen.has(file) || depth >= MAX_NESTING) continue;
    seen.add(file);
    const nested = stackTemplate(file, {
      stackName: `${parent.stack.stackName ?? parent.file}/${logicalId}`,
      account: parent.stack.account,
      region: parent.stack.region,
    });
    out.push(nested, ...stackSetBodies(nested), ...nestedStacks(directory, nested, seen, depth + 1));
  }
  return out;
}

function stackTemplate(file: string, parent: Parent): LoadedTemplate {
  const parsed = readTemplateFile(file);
  return {
    stack: { id: file, stackName: parent.stackName, account: parent.account, region: parent.region, template: parsed.template },
    file,
    resourceLines: parsed.resourceLines,
    resourcesLine: parsed.resourcesLine,
  };
}

/**
 * Where the app created each resource of a stack artifact, from its metadata (inline in the
 * manifest, or the `additionalMetadataFile` newer CDK versions write). The metadata only adds
 * source locations: when it is missing or unreadable, findings stay at the template's line.
 */
function artifactCreation(directory: string, artifact: Artifact): CreationLocations | undefined {
  let metadata = artifact.metadata;
  if (typeof artifact.additionalMetadataFile === 'string') {
    try {
      const file = path.join(directory, artifact.additionalMetadataFile);
      if (fs.statSync(file).size <= MAX_TEMPLATE_BYTES) metadata = { ...(metadata as object | undefined), ...JSON.parse(fs.readFileSync(file, 'utf8')) };
    } catch {
      // Locations are an addition: the template's lines remain.
    }
  }
  const creation = creationLocations(metadata);
  return creation.resources.size > 0 || creation.stack ? creation : undefined;
}

/**
 * Every stack template of a cloud assembly: the `aws:cloudformation:stack` artifacts of its
 * `manifest.json` (with account and region from their environment), those of nested assemblies
 * (CDK stages), and the templates of nested stacks. Paths are joined to `directory` as given.
 */
export function loadCloudAssembly(directory: string, seen = new Set<string>(), depth = 0): LoadedTemplate[] {
  const out: LoadedTemplate[] = [];
  for (const [artifactId, artifact] of Object.entries(readManifest(directory))) {
    if (!artifact || typeof artifact !== 'object') continue;
    if (artifact.type === STACK_ARTIFACT && typeof artifact.properties?.templateFile === 'string') {
      const file = path.join(directory, artifact.properties.templateFile);
      if (seen.has(file)) continue;
      seen.add(file);
      const stackName = typeof artifact.properties.stackName === 'string' ? artifact.properties.stackName : artifactId;
      const stack = { ...stackTemplate(file, { stackName, ...parseEnvironment(artifact.environment) }), creation: artifactCreation(directory, artifact) };
      out.push(stack, ...stackSetBodies(stack), ...nestedStacks(directory, stack, seen, depth));
    } else if (artifact.type === NESTED_ASSEMBLY_ARTIFACT && typeof artifact.properties?.directoryName === 'string' && depth < MAX_NESTING) {
      const nested = path.join(directory, artifact.properties.directoryName);
      if (seen.has(nested)) continue;
      seen.add(nested);
      out.push(...loadCloudAssembly(nested, seen, depth + 1));
    }
  }
  return out;
}
