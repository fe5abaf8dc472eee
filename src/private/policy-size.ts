/**
 * The size of a resolved policy document as IAM counts it against its quotas: the JSON text
 * without white space. CloudFormation intrinsics that are still in the document (an account or
 * Region Ref, a role's ARN from GetAtt) are counted at the length they will typically resolve to,
 * and the result says that it is an estimate.
 */
export interface PolicySize {
  /** Characters, as IAM counts them (exact when `exact`). */
  readonly chars: number;
  /** Whether the document held no intrinsic functions, so that `chars` is exact. */
  readonly exact: boolean;
}

/** Typical resolved lengths of CloudFormation pseudo parameters and references. */
const PSEUDO_LENGTHS: Record<string, number> = {
  'AWS::Partition': 'aws'.length,
  'AWS::Region': 'us-east-1'.length,
  'AWS::AccountId': 12,
  'AWS::URLSuffix': 'amazonaws.com'.length,
  'AWS::StackName': 32,
};
/** A role or other resource ARN behind GetAtt/Ref/ImportValue. */
const REFERENCE_LENGTH = 80;

export function policySize(resolved: unknown): PolicySize {
  let exact = true;
  // The length of JSON.stringify(node), with each intrinsic counted as a string of its typical
  // length, computed without building the text (this runs for every statement a grant adds).
  const measure = (node: unknown): number => {
    if (typeof node === 'string') return NEEDS_ESCAPE.test(node) ? JSON.stringify(node).length : node.length + 2;
    if (Array.isArray(node)) {
      let n = 1 + Math.max(1, node.length);
      for (const item of node) n += item === undefined || typeof item === 'function' ? 4 : measure(item);
      return n;
    }
    if (node !== null && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
        exact = false;
        return intrinsicLength(obj) + 2;
      }
      let n = 2;
      let members = 0;
      for (const k of keys) {
        const value = obj[k];
        if (value === undefined || typeof value === 'function') continue;
        n += (NEEDS_ESCAPE.test(k) ? JSON.stringify(k).length : k.length + 2) + 1 + measure(value);
        members++;
      }
      return n + Math.max(0, members - 1);
    }
    return JSON.stringify(node)?.length ?? 0;
  };
  const intrinsicLength = (obj: Record<string, unknown>): number => {
    if ('Ref' in obj) return PSEUDO_LENGTHS[String(obj.Ref)] ?? REFERENCE_LENGTH;
    if ('Fn::Join' in obj) {
      const [delimiter, parts] = obj['Fn::Join'] as [string, unknown[]];
      return parts.map((p) => (typeof p === 'string' ? p.length : intrinsicLength(p as Record<string, unknown>)))
        .reduce((a, b) => a + b, 0) + delimiter.length * Math.max(0, parts.length - 1);
    }
    if ('Fn::Sub' in obj) return String(obj['Fn::Sub']).length;
    return REFERENCE_LENGTH;
  };
  const chars = measure(resolved);
  return { chars, exact };
}

/** Characters JSON.stringify writes as escapes (quotes, backslashes, control characters, lone surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `2,048`: thousands separators for messages. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}
