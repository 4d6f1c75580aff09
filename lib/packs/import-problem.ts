/**
 * Why an import did not happen, as data: the UI words it (lib/i18n), tests compare it.
 * Every problem means the same thing for the store: nothing was written.
 */
import type { PackError } from '../pack/validate';

export type ImportProblem =
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'empty' }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'not-json'; detail: string }
  /** validatePack's findings, each naming its record and field. */
  | { kind: 'invalid'; errors: PackError[] }
  /** The content does not match its `hash`: edited after it was compiled. */
  | { kind: 'hash-mismatch'; packId: string }
  | { kind: 'bundled-id'; packId: string }
  /** A pack with this id is installed at the same or a newer version. */
  | { kind: 'not-newer'; packId: string; version: string; installed: string }
  | { kind: 'quota' }
  | { kind: 'store'; detail: string };

export class ImportRefusal extends Error {
  override readonly name = 'ImportRefusal';
  constructor(readonly problem: ImportProblem) {
    super(problem.kind);
  }
}
