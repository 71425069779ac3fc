import * as fs from 'node:fs';
import { z } from 'zod';
import { CLAUSES } from '../checks/catalogue';
import { fileProblem, InputError } from '../loading/errors';

/** The largest access review read (a real one is a few hundred kilobytes even for big accounts). */
export const MAX_ACCESS_REVIEW_BYTES = 32 * 1024 * 1024;

const clauseIds = CLAUSES.map((c) => c.id) as [string, ...string[]];

/** The part of `dpp audit --format json` (version 1) the evidence pack reads; the rest is copied as is. */
const accessReviewSchema = z.object({
  version: z.literal(1),
  account: z.string(),
  generatedAt: z.string(),
  findings: z.array(z.object({
    checkId: z.string(),
    clause: z.enum(clauseIds),
    level: z.enum(['error', 'warning']),
    subject: z.string(),
    message: z.string(),
    fix: z.string(),
  })),
  notChecked: z.array(z.object({ check: z.string(), reason: z.string() })),
  accessReview: z.object({ users: z.array(z.unknown()), groups: z.array(z.unknown()), roles: z.array(z.unknown()) }),
});

export type AccessReviewJson = z.infer<typeof accessReviewSchema>;

/** An access review as given: the parsed report and the file's exact text (copied into the pack unchanged). */
export interface AccessReviewInput {
  readonly file: string;
  readonly text: string;
  readonly report: AccessReviewJson;
}

function where(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? 'the document' : issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Reads and validates `dpp audit --format json` output; one-line InputError naming the file otherwise. */
export function readAccessReview(file: string): AccessReviewInput {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new InputError(`${file}: not a file (--access-review takes the JSON of dpp audit --format json)`);
    if (stat.size > MAX_ACCESS_REVIEW_BYTES) throw new InputError(`${file}: ${stat.size} bytes is over the ${MAX_ACCESS_REVIEW_BYTES}-byte limit for an access review`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fileProblem(file, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message.split('\n')[0]}); --access-review takes the output of dpp audit --format json`);
  }
  const parsed = accessReviewSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new InputError(`${file}: not a dpp audit --format json report (version 1): ${where(issue)}: ${issue.message}`);
  }
  return { file, text, report: parsed.data };
}
