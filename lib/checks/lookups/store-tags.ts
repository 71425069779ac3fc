import { tagPropertyOf } from '../template-index';
import type { ResourceContext } from '../types';
import { ABSENT, isIntrinsic, type Value } from '../values';

/** One place a store keeps its tags, and a tag's value there. */
export interface TagSite {
  /** The property holding the tags: `Tags`, `FileSystemTags`, `Replicas.0.Tags`. */
  readonly property: string;
  /** For messages: "" for the resource itself, "replica eu-west-1" for a global-table replica. */
  readonly where: string;
  readonly value: Value;
}

/**
 * A tag's value at every place a store keeps tags (DPP 2.9 Data Attribution): the resource's own
 * tag property, or each replica of a DynamoDB global table, which has no tags of its own. Each
 * replica is a copy of the data in another region, so each must carry the tag.
 */
export function tagSites(ctx: ResourceContext, key: string): TagSite[] {
  if (ctx.type !== 'AWS::DynamoDB::GlobalTable') return [{ property: tagPropertyOf(ctx.type), where: '', value: ctx.tag(key) }];
  const replicas = ctx.properties.Replicas;
  if (isIntrinsic(replicas)) return [{ property: 'Replicas', where: '', value: { kind: 'unresolvable', why: 'Replicas given by an intrinsic' } }];
  if (!Array.isArray(replicas) || replicas.length === 0) return [{ property: 'Replicas', where: '', value: ABSENT }];
  return replicas.map((replica, i) => {
    const property = `Replicas.${i}.Tags`;
    if (isIntrinsic(replica) || !replica || typeof replica !== 'object') {
      return { property, where: `replica ${i}`, value: { kind: 'unresolvable', why: 'a replica given by an intrinsic' } as Value };
    }
    const region = (replica as { Region?: unknown }).Region;
    return { property, where: `replica ${typeof region === 'string' ? region : i}`, value: ctx.index.tagIn((replica as { Tags?: unknown }).Tags, key) };
  });
}
