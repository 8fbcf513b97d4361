// The error classes of the tracker. Each kind knows its stable code and HTTP status, so no caller maps
// errors to statuses by comparing names; `expose` says whether the message may reach a client.

/** Options every tracker error accepts. */
export interface AppErrorOptions {
  cause?: unknown;
  /** Extra, client-safe detail (for example the field that failed validation). */
  details?: Record<string, unknown>;
}

/** Base of every error the tracker raises on purpose. */
export class AppError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, statusCode: number, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.statusCode = statusCode;
    this.details = options.details;
  }

  /** Client errors are safe to show; server errors reach a client only as a bare 500. */
  get expose(): boolean {
    return this.statusCode < 500;
  }
}

/** Input that fails validation: names the field and the reason. */
export class ValidationError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super('validation-failed', 400, message, options);
  }
}

/** No or an invalid token. */
export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required', options: AppErrorOptions = {}) {
    super('unauthorized', 401, message, options);
  }
}

/** Authenticated, but the role does not allow the action. */
export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this action', options: AppErrorOptions = {}) {
    super('forbidden', 403, message, options);
  }
}

/** The addressed resource does not exist. */
export class NotFoundError extends AppError {
  constructor(message = 'Not found', options: AppErrorOptions = {}) {
    super('not-found', 404, message, options);
  }
}

/** The request conflicts with the current state. */
export class ConflictError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super('conflict', 409, message, options);
  }
}

/** A configuration file (outlets, roster, settings) is missing or invalid. */
export class ConfigError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super('config-invalid', 500, message, options);
  }
}
