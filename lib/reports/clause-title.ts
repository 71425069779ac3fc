import { CLAUSES } from '../checks/catalogue';
import type { ClauseId } from '../checks/types';

/** `DPP 3.4 Encryption at Rest`: how reports cite a clause. */
export function clauseLabel(id: ClauseId): string {
  const title = CLAUSES.find((c) => c.id === id)?.title;
  return title ? `DPP ${id} ${title}` : `DPP ${id}`;
}
