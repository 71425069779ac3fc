import type { LoadedTemplate } from './loaded-template';
import { parseTemplate } from './parse-template';

/** The CloudFormation type of a StackSet, whose `TemplateBody` is a template deployed to many accounts. */
export const STACK_SET_TYPE = 'AWS::CloudFormation::StackSet';

/**
 * The templates inside a template's StackSets: for each `AWS::CloudFormation::StackSet` with a
 * literal `TemplateBody` (a string of JSON or YAML), that body as a template of its own, so the
 * account-level controls an organization deploys are checked like any stack. Its ID is
 * `<file>#<logicalId>`; it has no account or region (a StackSet deploys to many), and its findings
 * point at the StackSet's line in the file. A `TemplateURL` or a body given by an intrinsic cannot
 * be read here and is left to the StackSet's own rules. A body that does not parse is bad input
 * (InputError naming the file and the StackSet).
 */
export function stackSetBodies(parent: LoadedTemplate): LoadedTemplate[] {
  const out: LoadedTemplate[] = [];
  for (const [logicalId, resource] of Object.entries(parent.stack.template.Resources ?? {})) {
    if (resource?.Type !== STACK_SET_TYPE) continue;
    const body = (resource.Properties as { TemplateBody?: unknown } | undefined)?.TemplateBody;
    if (typeof body !== 'string') continue;
    const id = `${parent.file}#${logicalId}`;
    const parsed = parseTemplate(body, `${id}.TemplateBody`);
    // The body's own lines are inside a string: every finding in it points at the StackSet.
    const line = parent.resourceLines.get(logicalId);
    out.push({
      stack: { id, stackName: `${parent.stack.stackName ?? parent.file}/${logicalId}`, template: parsed.template },
      file: parent.file,
      resourceLines: new Map(line === undefined ? [] : Object.keys(parsed.template.Resources ?? {}).map((r) => [r, line])),
      resourcesLine: line,
    });
  }
  return out;
}
