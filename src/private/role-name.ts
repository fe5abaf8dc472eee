import { createHash } from 'crypto';
import { Construct } from 'constructs';

/**
 * A role name that is known at synth time and stable across deployments: the construct path,
 * shortened, and a hash of the full path (IAM role names are at most 64 characters).
 */
export function generateRoleName(scope: Construct, id: string): string {
  const path = [...scope.node.scopes.map((c) => c.node.id).filter((x) => x !== ''), id];
  const hash = createHash('sha256').update(path.join('/')).digest('hex').slice(0, 8).toUpperCase();
  const readable = path.join('-').replace(/[^A-Za-z0-9-]/g, '');
  return `${readable.slice(0, 64 - hash.length - 1)}-${hash}`;
}

/**
 * `roleName` as given; an empty name is an error (iam.Role would silently generate one instead).
 * Other names are checked by iam.Role itself.
 */
export function checkRoleName(roleName: string | undefined): string | undefined {
  if (roleName === '') {
    throw new Error("`roleName` must be 1 to 64 letters, digits or _+=,.@- (IAM role name): leave it out to have one generated, got: ''");
  }
  return roleName;
}
