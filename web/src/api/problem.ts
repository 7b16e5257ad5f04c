/** RFC 9457 problem details as the MDM sends them, with per-field errors for validation failures. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

/** An API call that failed; carries the server's problem so forms can show field errors. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, status: number) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.problem = { status, ...problem };
  }

  /** Field → message, for showing beside the inputs. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      byField[error.field] = byField[error.field] ? `${byField[error.field]}; ${error.message}` : error.message;
    }
    return byField;
  }
}

interface FetchOutcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or an ApiError built from its problem body. */
export function unwrap<T>(outcome: FetchOutcome<T>): T {
  if (outcome.error !== undefined || !outcome.response.ok) {
    const problem = (typeof outcome.error === 'object' && outcome.error !== null ? outcome.error : {}) as Problem;
    throw new ApiError(problem, outcome.response.status);
  }
  return outcome.data as T;
}

/**
 * Field errors of any thrown value (empty when it is not an API validation failure). A conflict (409) is about one
 * value the form holds, a code or name already taken, so with `conflictField` it is shown beside that field.
 */
export function fieldErrorsOf(error: unknown, conflictField?: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (conflictField && error.problem.status === 409) return { [conflictField]: error.message };
  return error.fieldErrors();
}

/** A message for a failure that is not about one field. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    return [title, detail].filter(Boolean).join(': ') || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
