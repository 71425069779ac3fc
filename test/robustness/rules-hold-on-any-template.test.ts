/**
 * Property-based robustness tests of the rule engine and of every rule in `ALL_RULES`: on any
 * template, checking never throws, every finding is well formed, no rule fails internally, and a
 * deciding value the template cannot resolve never turns a failure into a silent pass.
 *
 * Environment:
 * - `FC_NUM_RUNS=<n>` runs each fast-check property `n` times instead of the defaults in `RUNS`
 *   (7,500 generated cases in all, besides the exhaustive sweeps over every node of every failing
 *   seed: made unknown twelve ways, about 9,000 checks; removed or wrongly shaped, about 7,500).
 * - `FC_SEED=<n>` generates other cases (the default seed is fixed, so CI is deterministic), or
 *   replays a failure: fast-check prints the seed of any counterexample. To explore:
 *   `FC_NUM_RUNS=50000 FC_SEED=$RANDOM npx jest test/robustness`.
 */
import fc from 'fast-check';
import { checkStacks } from '../../lib/checks/engine';
import { ALL_RULES, dppRuleSet as rulesOfProfile } from '../../lib/checks/rules';
import { DPP_2025 } from '../../lib/policy/profile';
import type { CfnResource, StackTemplate } from '../../lib/checks/template';
import type { Finding } from '../../lib/checks/types';
import { stacksArb, valueArb, WRONG_SHAPES, type TemplateVocabulary } from './arbitraries';
import { FAILING_SEEDS, SEED_ACCOUNT, SEED_REGION, type FailingSeed } from './failing-seeds';
import {
  CUSTOM_RESOURCE, CUSTOM_RESOURCE_DECLARATION, formatPath, nodePaths, refersTo, removeAt, replaceAt, UNKNOWN_DECLARATIONS, UNKNOWN_VARIANTS, valueAt,
  type NodePath, type UnknownVariant,
} from './unknown-values';

// The strictest built-in profile turns every rule on, those `dpp` leaves off included.
const dppRuleSet = () => rulesOfProfile(DPP_2025);

/** Generated cases per property by default: with the exhaustive sweeps, about 24,000 checks in about 10 s. */
const RUNS = {
  anyTemplate: 4000,
  perturbedSeeds: 2000,
  unknownVariants: 1500,
};

/** CI runs the same cases every time (a red build is never luck); `FC_SEED` explores others. */
const DEFAULT_SEED = 20261129;

function runs(byDefault: number): fc.Parameters<unknown> {
  const override = Number(process.env.FC_NUM_RUNS);
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : DEFAULT_SEED;
  return { numRuns: override > 0 ? override : byDefault, seed: Number.isInteger(seed) ? seed : DEFAULT_SEED };
}

const RULE_ID = /^DPP-\d\.\d-[A-Za-z0-9]+$/;
/** What the engine writes when a rule throws (`thrownFinding` in lib/checks/engine.ts). */
const THROWN = 'could not check this resource';

/** Every way a set of findings breaks the Finding contract; empty when all are well formed. */
function malformations(stacks: readonly StackTemplate[], findings: readonly Finding[]): string[] {
  const ruleSet = dppRuleSet();
  const problems: string[] = [];
  const templates = new Map(stacks.map((s) => [s.id, s]));
  for (const f of findings) {
    const rule = ruleSet.rule(f.ruleId);
    const where = `${f.ruleId} on ${f.templateId}/${String(f.logicalId)}`;
    if (!RULE_ID.test(f.ruleId)) problems.push(`${where}: rule ID does not match ${RULE_ID}`);
    if (!rule) {
      problems.push(`${where}: no such rule in the rule set`);
      continue;
    }
    if (f.clause !== rule.clause) problems.push(`${where}: clause ${f.clause} is not the rule's ${rule.clause}`);
    if (f.level !== 'error' && f.level !== 'warning') problems.push(`${where}: level ${String(f.level)}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') problems.push(`${where}: empty message`);
    else if (/[\r\n\u2028\u2029]/.test(f.message)) problems.push(`${where}: message is not a single line: ${JSON.stringify(f.message.slice(0, 300))}`);
    if (f.message?.includes(THROWN)) problems.push(`${where}: the rule threw: ${f.message.slice(0, 500)}`);
    const stack = templates.get(f.templateId);
    if (!stack) problems.push(`${where}: templateId names no checked stack`);
    const resources = stack?.template.Resources as Record<string, CfnResource> | undefined;
    const names = (id: string) => resources !== null && typeof resources === 'object' && Object.prototype.hasOwnProperty.call(resources, id) && typeof resources[id]?.Type === 'string';
    if (rule.scope === 'resource' && (typeof f.logicalId !== 'string' || !names(f.logicalId))) problems.push(`${where}: a resource rule's finding names no resource of the template`);
    if (rule.scope === 'app' && f.logicalId !== undefined && !names(f.logicalId)) problems.push(`${where}: names no resource of its stack`);
  }
  return problems;
}

/** Checks stacks, turning an escaped exception and every malformed finding into one thrown error (what fast-check reports). */
function checkWellFormed(stacks: readonly StackTemplate[]): readonly Finding[] {
  let findings: readonly Finding[];
  try {
    findings = checkStacks(dppRuleSet(), stacks).findings;
  } catch (error) {
    throw new Error(`checkStacks threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
  const problems = malformations(stacks, findings);
  if (problems.length > 0) throw new Error(`${problems.length} malformed finding(s):\n${problems.slice(0, 10).join('\n')}`);
  return findings;
}

const SEEDS: ReadonlyArray<{ ruleId: string; index: number; seed: FailingSeed }> = Object.entries(FAILING_SEEDS)
  .flatMap(([ruleId, seeds]) => seeds.map((seed, index) => ({ ruleId, index, seed })));

/**
 * The seeds the unknown-value sweep runs on: those of resource rules. (An app rule judges whole
 * stacks; which of their values decide is the rule's own business, covered by its unit tests.)
 */
const RESOURCE_RULE_SEEDS = SEEDS.filter(({ ruleId }) => dppRuleSet().rule(ruleId)?.scope === 'resource');

/** Property names the rules read, taken from the seeds: generated properties use them, so rules reach past "not applicable". */
function keysOf(value: unknown, into: Set<string>): Set<string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!Array.isArray(value)) into.add(key);
      keysOf(child, into);
    }
  }
  return into;
}

const VOCABULARY: TemplateVocabulary = {
  types: [...new Set([
    ...ALL_RULES.flatMap((r) => (r.scope === 'resource' ? r.resourceTypes : [])),
    ...SEEDS.flatMap(({ seed }) => Object.values(seed.resources).map((r) => r.Type)),
  ])],
  keys: [...keysOf(SEEDS.map(({ seed }) => Object.values(seed.resources).map((r) => r.Properties)), new Set())],
  seedTemplates: SEEDS.map(({ seed }) => seed.resources),
};

/**
 * A seed as the stacks to check: its resources in one stack, with the parameter, conditions,
 * mapping and custom resource the unknown values refer to, then the seed's other stacks.
 */
function seedStacks(seed: FailingSeed, resources: Readonly<Record<string, unknown>> = seed.resources): StackTemplate[] {
  const template = {
    ...UNKNOWN_DECLARATIONS,
    Parameters: { ...UNKNOWN_DECLARATIONS.Parameters, ...seed.parameters },
    Resources: { ...resources, [CUSTOM_RESOURCE]: CUSTOM_RESOURCE_DECLARATION },
  };
  return [{ id: 'Seed', stackName: 'Seed', account: SEED_ACCOUNT, region: SEED_REGION, template: template as unknown as StackTemplate['template'] }, ...(seed.otherStacks ?? [])];
}

/** The findings of `ruleId` on the seed's target (resource rules) or anywhere (app rules). */
function findingsOfRule(ruleId: string, target: string, findings: readonly Finding[]): readonly Finding[] {
  const rule = dppRuleSet().rule(ruleId);
  return findings.filter((f) => f.ruleId === ruleId && (rule?.scope === 'app' || f.logicalId === target));
}

/** One place of a seed to make unknown: a node of any of its resources. */
interface Site {
  readonly logicalId: string;
  readonly path: NodePath;
}

/**
 * The nodes of a seed that hold deciding values: every node of the target, and every node of
 * the resources around it except those that point at the target (if a bucket policy's Bucket is a
 * parameter, the template cannot tell it belongs to this bucket: silence is then right). None
 * when the seed says a deploy-time value rightly passes and the variant is one.
 */
function sitesOf(seed: FailingSeed, variant: UnknownVariant): Site[] {
  if (variant.deployTime && seed.deployTimeValuePasses) return [];
  return Object.entries(seed.resources).flatMap(([logicalId, resource]) => nodePaths(resource)
    .filter((path) => logicalId === seed.target || variant.keepsValue || !refersTo(valueAt(resource, path), seed.target))
    .map((path) => ({ logicalId, path })));
}

/** One place made unknown, and how. */
type Edit = readonly [Site, UnknownVariant];

function mutate(seed: FailingSeed, edits: readonly Edit[]): Record<string, unknown> {
  return edits.reduce<Record<string, unknown>>((resources, [site, variant]) => {
    const resource = resources[site.logicalId];
    return { ...resources, [site.logicalId]: replaceAt(resource, site.path, variant.make(valueAt(resource, site.path))) };
  }, { ...seed.resources });
}

/** Why a mutated seed passes silently, with the template to reproduce it; undefined when the rule still reports. */
function silentPass(ruleId: string, seed: FailingSeed, edits: readonly Edit[]): string | undefined {
  const resources = mutate(seed, edits);
  const findings = checkWellFormed(seedStacks(seed, resources));
  if (findingsOfRule(ruleId, seed.target, findings).length > 0) return undefined;
  const where = edits.map(([site, variant]) => `${variant.name} at ${site.logicalId}.${formatPath(site.path)}`).join(', ');
  return `${ruleId}: ${where} passes silently. Resources: ${JSON.stringify(resources)}`;
}

describe('the rule engine on any template', () => {
  test('never throws, and every finding is well formed (resource rules name a resource of the template; no rule fails internally)', () => {
    fc.assert(fc.property(stacksArb(VOCABULARY), (stacks) => {
      checkWellFormed(stacks);
    }), runs(RUNS.anyTemplate));
  });

  test('failing seeds with random values in random places never break the engine or a rule', () => {
    const perturbed = fc.constantFrom(...SEEDS).chain(({ seed }) => {
      const sites = Object.entries(seed.resources).flatMap(([logicalId, r]) => nodePaths(r).map((path) => ({ logicalId, path })));
      if (sites.length === 0) return fc.constant(seedStacks(seed));
      return fc.array(fc.tuple(fc.constantFrom(...sites), valueArb(VOCABULARY.keys)), { minLength: 1, maxLength: 3 })
        .map((edits) => seedStacks(seed, edits.reduce<Record<string, unknown>>((acc, [site, value]) => ({ ...acc, [site.logicalId]: replaceAt(acc[site.logicalId], site.path, value) }), { ...seed.resources })));
    });
    fc.assert(fc.property(perturbed, (stacks) => {
      checkWellFormed(stacks);
    }), runs(RUNS.perturbedSeeds));
  });
});

describe('missing and wrongly shaped values', () => {
  test('every node of every failing seed, removed or replaced by null, an empty object, list or string…, never breaks the engine or a rule', () => {
    const broken = SEEDS.flatMap(({ seed }) => Object.entries(seed.resources).flatMap(([logicalId, resource]) => nodePaths(resource).flatMap((path) => {
      const variants = [removeAt(resource, path), ...WRONG_SHAPES.map((shape) => replaceAt(resource, path, shape))];
      return variants.flatMap((variant) => {
        try {
          checkWellFormed(seedStacks(seed, { ...seed.resources, [logicalId]: variant }));
          return [];
        } catch (error) {
          return [`${error instanceof Error ? error.message : String(error)}\n  Resources: ${JSON.stringify({ ...seed.resources, [logicalId]: variant })}`];
        }
      });
    })));
    expect(broken).toEqual([]);
  });
});

describe('a value the template cannot decide never yields a silent pass', () => {
  test('every failing seed fails its rule as written', () => {
    const broken = SEEDS.flatMap(({ ruleId, index, seed }) => {
      const findings = checkWellFormed(seedStacks(seed));
      return findingsOfRule(ruleId, seed.target, findings).length > 0 ? [] : [`${ruleId} seed ${index} does not fail on ${seed.target}`];
    });
    expect(broken).toEqual([]);
  });

  test.each(UNKNOWN_VARIANTS.map((v) => [v.name, v] as const))('%s, in every place of every failing seed', (_name, variant) => {
    const silent = RESOURCE_RULE_SEEDS.flatMap(({ ruleId, seed }) => sitesOf(seed, variant).map((site) => silentPass(ruleId, seed, [[site, variant]])).filter((s): s is string => s !== undefined));
    expect(silent).toEqual([]);
  });

  test('unknown values nested in one another, in up to three places of a random failing seed at once', () => {
    const cases = fc.constantFrom(...RESOURCE_RULE_SEEDS).chain((entry) => {
      // Nesting keeps a variant's deploy-time nature: a seed that lets deploy-time values pass skips them.
      const usable = UNKNOWN_VARIANTS.filter((v) => !(v.deployTime && entry.seed.deployTimeValuePasses));
      const nested = fc.array(fc.constantFrom(...usable), { minLength: 1, maxLength: 3 }).map((chain): UnknownVariant => ({
        name: chain.map((v) => v.name).join(' in '),
        keepsValue: chain.every((v) => v.keepsValue),
        make: (original) => chain.reduce((value, v) => v.make(value), original),
      }));
      const edit = nested.chain((variant) => {
        const sites = sitesOf(entry.seed, variant);
        return sites.length === 0 ? fc.constant(undefined) : fc.constantFrom(...sites).map((site): Edit => [site, variant]);
      });
      return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => ({ ...entry, edits: edits.filter((e): e is Edit => e !== undefined) }));
    });
    fc.assert(fc.property(cases, ({ ruleId, seed, edits }) => {
      if (edits.length === 0) return;
      const problem = silentPass(ruleId, seed, edits);
      if (problem) throw new Error(problem);
    }), runs(RUNS.unknownVariants));
  });
});

describe('the failing seeds', () => {
  test('cover every rule of ALL_RULES', () => {
    const missing = ALL_RULES.map((r) => r.id).filter((id) => !(id in FAILING_SEEDS) || FAILING_SEEDS[id].length === 0);
    expect(missing).toEqual([]);
  });

  test('name only rules of ALL_RULES (a renamed rule leaves a stale seed)', () => {
    const known = new Set(ALL_RULES.map((r) => r.id));
    expect(Object.keys(FAILING_SEEDS).filter((id) => !known.has(id))).toEqual([]);
  });

  test('name a target resource of their own template', () => {
    expect(SEEDS.filter(({ seed }) => !(seed.target in seed.resources)).map(({ ruleId, index }) => `${ruleId} seed ${index}`)).toEqual([]);
  });
});
