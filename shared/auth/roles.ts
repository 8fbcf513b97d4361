// Roles of the dashboard's users, carried as Cognito groups in the `cognito:groups` claim.
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

/** pr-staff reads, reviews and enters mentions by hand; management reads. */
export type Role = 'pr-staff' | 'management';

export const roles: readonly Role[] = ['pr-staff', 'management'];

/** The caller as the API sees it after the authorizer. */
export interface Caller {
  subject: string;
  name: string;
  roles: Role[];
}

/**
 * Reads the caller from JWT claims. API Gateway's JWT authorizer flattens array claims into a string
 * such as "[pr-staff management]", so both that form and a real array are accepted.
 */
export function callerFromClaims(claims: Record<string, unknown> | undefined): Caller {
  if (!claims || typeof claims.sub !== 'string') throw new UnauthorizedError();
  const groups = claims['cognito:groups'];
  const names = Array.isArray(groups)
    ? groups.map(String)
    : typeof groups === 'string'
      ? groups.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  const callerRoles = roles.filter((role) => names.includes(role));
  const name = [claims.email, claims['cognito:username'], claims.username, claims.sub].find(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
  return { subject: claims.sub, name: name ?? claims.sub, roles: callerRoles };
}

/** Throws 403 unless the caller holds one of the roles. */
export function requireRole(caller: Caller, allowed: readonly Role[]): void {
  if (!caller.roles.some((role) => allowed.includes(role))) {
    throw new ForbiddenError(`This action needs the role ${allowed.join(' or ')}`);
  }
}
