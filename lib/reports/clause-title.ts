import { CLAUSES } from '../checks/catalogue';
import type { ClauseId } from '../checks/types';

/** A clause's title from the catalogue (`Encryption at Rest`). */
export function clauseTitle(id: ClauseId): string {
  return CLAUSES.find((c) => c.id === id)?.title ?? '';
}

/** `DPP 3.4 Encryption at Rest`: how reports cite a clause. */
export function clauseLabel(id: ClauseId): string {
  const title = clauseTitle(id);
  return title ? `DPP ${id} ${title}` : `DPP ${id}`;
}
