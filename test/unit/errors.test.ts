import { describe, expect, it } from 'vitest';
import { AppError, ConfigError, ValidationError } from '#shared/errors.ts';

describe('AppError', () => {
  it('exposes client errors and hides server errors', () => {
    expect(new ValidationError('from: must be a date').expose).toBe(true);
    expect(new ConfigError('roster.json: people[0].id: required').expose).toBe(false);
  });

  it('keeps its cause and names itself after its class', () => {
    const cause = new Error('disk');
    const error = new AppError('x', 500, 'wrapped', { cause });
    expect(error.cause).toBe(cause);
    expect(new ValidationError('bad').name).toBe('ValidationError');
  });
});
