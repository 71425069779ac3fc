import { Stack, Stage, Validations, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Where cdk-nag's v2 format keeps acknowledgments in a template or resource `Metadata` (and `dpp check` reads them). */
const NAG_METADATA = 'cdk_nag';

interface NagSuppression {
  readonly id: string;
  readonly reason: unknown;
}

/**
 * The acknowledgments made on a construct and its scopes, closest first (the CDK's precedence),
 * as cdk-nag's WriteNagSuppressionsToCloudFormationAspect collects them for a resource.
 */
function acknowledgmentsAbove(node: IConstruct): NagSuppression[] {
  const seen = new Set<string>();
  const out: NagSuppression[] = [];
  for (let current: IConstruct | undefined = node; current; current = current.node.scope) {
    for (const entry of current.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data || typeof entry.data !== 'object') continue;
      for (const [qualified, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        const id = qualified.replace(/^annotation::/i, '');
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ id, reason });
      }
    }
  }
  return out;
}

/**
 * Writes the acknowledgments made on a stack (or above it) into the template's own `Metadata`
 * (`cdk_nag.rules_to_suppress`, with their reasons). cdk-nag writes acknowledgments only onto
 * resources, but a finding about a whole stack (an app rule's, such as "each environment has a
 * trail") has no resource to carry it: without this, `dpp check` of the synthesized template
 * reports what the synth acknowledged. Template-level entries acknowledge only findings about the
 * whole stack (lib/reports/acknowledgments.ts), with the same semantics as at synth.
 *
 * A template's `Metadata` holds any user-defined keys, which CloudFormation neither validates nor
 * changes; a stack update cannot change it alone, only with a resource change, which matters to no
 * check (`dpp check` reads the synthesized template). Source: AWS CloudFormation User Guide,
 * "CloudFormation template Metadata syntax" (metadata-section-structure).
 */
export class WriteStackAcknowledgmentsToTemplate implements IAspect {
  public visit(node: IConstruct): void {
    if (!Stack.isStack(node)) return;
    const acknowledgments = acknowledgmentsAbove(node);
    if (acknowledgments.length === 0) return;
    const metadata = node.templateOptions.metadata ?? {};
    const existing = (metadata[NAG_METADATA] as { rules_to_suppress?: NagSuppression[] } | undefined)?.rules_to_suppress ?? [];
    const written = new Set(existing.map((s) => s.id));
    node.templateOptions.metadata = {
      ...metadata,
      [NAG_METADATA]: { ...(metadata[NAG_METADATA] as object | undefined), rules_to_suppress: [...existing, ...acknowledgments.filter((a) => !written.has(a.id))] },
    };
  }
}

/**
 * The stages under a scope (CDK Pipelines' environment stages). The CDK invokes an aspect only
 * within the stage it was added in (a nested stage is synthesized on its own), so an aspect that
 * must reach every template is added to each of them as well.
 */
export function stagesUnder(scope: IConstruct): Stage[] {
  return scope.node.findAll().filter((c): c is Stage => c !== scope && Stage.isStage(c));
}

type WithNagMetadata = { readonly Metadata?: Record<string, unknown>; readonly [key: string]: unknown };

/**
 * A template without the copies cdk-nag writes onto every resource of the stack-level
 * acknowledgments of app rules (`appRuleIds`), when the template's own `Metadata` carries them:
 * an app rule's findings are about the whole stack, so only the template-level entry is ever read
 * (lib/reports/acknowledgments.ts). Same findings and acknowledgments in `dpp check`, a smaller
 * template: for a template with a size limit, such as a StackSet's body (51,200 bytes).
 */
export function withoutRepeatedStackAcknowledgments<T extends WithNagMetadata & { Resources?: Record<string, WithNagMetadata> }>(template: T, appRuleIds: ReadonlySet<string>): T {
  const listOf = (metadata: Record<string, unknown> | undefined): NagSuppression[] =>
    (metadata?.[NAG_METADATA] as { rules_to_suppress?: NagSuppression[] } | undefined)?.rules_to_suppress ?? [];
  const bare = (id: string): string => id.replace(/^DPP::/, '');
  const atStack = new Set(listOf(template.Metadata).map((s) => bare(s.id)).filter((id) => appRuleIds.has(id)));
  if (atStack.size === 0) return template;
  const resources: Record<string, WithNagMetadata> = {};
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const list = listOf(resource.Metadata);
    const kept = list.filter((s) => !atStack.has(bare(s.id)));
    if (kept.length === list.length) {
      resources[logicalId] = resource;
      continue;
    }
    const metadata: Record<string, unknown> = { ...resource.Metadata };
    if (kept.length > 0) metadata[NAG_METADATA] = { ...(metadata[NAG_METADATA] as object), rules_to_suppress: kept };
    else delete metadata[NAG_METADATA];
    const { Metadata: _replaced, ...rest } = resource;
    resources[logicalId] = Object.keys(metadata).length > 0 ? { ...rest, Metadata: metadata } : rest;
  }
  return { ...template, Resources: resources };
}
