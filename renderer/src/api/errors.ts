import type { ErrorCode, FieldErrors, SerializedError } from '@contract'

/** A failed call, as the renderer sees it: the contract's error plus its field codes. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network'
  readonly fields?: FieldErrors

  constructor(error: SerializedError | { code: 'network'; message: string; fields?: FieldErrors }) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.fields = error.fields
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError
}
