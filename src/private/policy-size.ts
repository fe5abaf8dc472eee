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
  // Turns an intrinsic into a placeholder string of its typical length; leaves other values alone.
  const measureValue = (node: unknown): unknown => {
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const obj = node as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
        exact = false;
        return 'x'.repeat(intrinsicLength(obj));
      }
      const out: Record<string, unknown> = {};
      for (const k of keys) out[k] = measureValue(obj[k]);
      return out;
    }
    if (Array.isArray(node)) return node.map(measureValue);
    return node;
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
  const text = JSON.stringify(measureValue(resolved));
  return { chars: text.length, exact };
}

/** `2,048`: thousands separators for messages. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}
