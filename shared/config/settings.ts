// Typed reads of the environment: trimmed, defaulted, and failing with a message that names the variable.
import { ConfigError } from '../errors.ts';

/** A required environment variable, trimmed. */
export function requiredEnv(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new ConfigError(`Environment variable ${name} is required but not set`);
  return value;
}

/** An optional environment variable, trimmed; `fallback` when unset or empty. */
export function optionalEnv(name: string, fallback?: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : fallback;
}

/** An optional positive integer environment variable. */
export function integerEnv(name: string, fallback: number): number {
  const text = optionalEnv(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`Environment variable ${name} must be a positive integer, got "${text}"`);
  }
  return value;
}

/** Where the running function finds its table. */
export interface TableSettings {
  tableName: string;
  /** Set only for DynamoDB Local. */
  endpoint?: string;
}

/** Table settings from TABLE_NAME and DYNAMODB_ENDPOINT. */
export function tableSettingsFromEnv(): TableSettings {
  const endpoint = optionalEnv('DYNAMODB_ENDPOINT');
  return { tableName: requiredEnv('TABLE_NAME'), ...(endpoint ? { endpoint } : {}) };
}
