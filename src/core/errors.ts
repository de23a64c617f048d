// One error taxonomy; only src/cli/cli.tsx maps these to exit codes.
export const EXIT = {
  ok: 0,
  runtime: 1,
  usage: 2,
  findings: 3,
  unreachable: 5,
  fixReverted: 6,
  rollbackIncomplete: 7,
  /** the operator quit before the run finished (128 + SIGINT, as shells report it) */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The operator can fix this: bad flag, bad file. `hint` says how. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint: string | null = null,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Docker or the Falco container cannot be reached. */
export class UnreachableError extends UserError {
  constructor(message: string, hint: string | null = null) {
    super(message, hint, EXIT.unreachable);
    this.name = 'UnreachableError';
  }
}

/** Something outside us failed (Docker API, a command); carries what we asked. */
export class ExternalError extends Error {
  constructor(
    message: string,
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'ExternalError';
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
