import { Pair, Scalar, YAMLMap, type CollectionTag, type ScalarTag, type YAMLSeq } from 'yaml';

/**
 * The short-form tags of CloudFormation YAML (`!Ref`, `!GetAtt`, `!Sub` …), each mapped to its
 * long form (`Ref`, `Fn::GetAtt`, `Fn::Sub` …) so rules see the same JSON whichever form a
 * template uses. Every tag is defined for the scalar, sequence and mapping forms; the
 * intrinsic decides what it accepts, not the parser.
 */
const FUNCTIONS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
  '!ForEach': 'Fn::ForEach',
};

/** `!GetAtt Db.Endpoint.Address` → `["Db", "Endpoint.Address"]`, as CloudFormation reads it. */
function scalarArgument(name: string, value: string): unknown {
  if (name !== 'Fn::GetAtt') return value;
  const dot = value.indexOf('.');
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

/** The long form as a YAML map node, so the argument's own nodes (and their positions) are kept. */
function longForm(name: string, argument: YAMLMap | YAMLSeq): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(name), argument));
  return map;
}

function tagsOf(tag: string, name: string): Array<ScalarTag | CollectionTag> {
  return [
    { tag, resolve: (value: string) => ({ [name]: scalarArgument(name, value) }) },
    { tag, collection: 'seq', resolve: (seq) => longForm(name, seq as YAMLSeq) },
    { tag, collection: 'map', resolve: (map) => longForm(name, map as YAMLMap) },
  ];
}

/** Custom tags for the `yaml` library's `customTags` option. */
export const CLOUDFORMATION_TAGS: ReadonlyArray<ScalarTag | CollectionTag> = Object.entries(FUNCTIONS).flatMap(([tag, name]) =>
  tagsOf(tag, name),
);
