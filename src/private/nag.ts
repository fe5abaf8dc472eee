import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { resolveInStack } from './resolve-cheaply';

/**
 * Records, on `scope`, that a cdk-nag finding is inherent and scoped, with the reason. cdk-nag
 * (the AwsSolutions pack and the others) reads acknowledgements from the construct metadata key
 * that aws-cdk-lib's `Validations` API defines, on the flagged resource and its ancestors.
 *
 * The metadata is written directly instead of through `Validations.of(scope).acknowledge()`,
 * because a finding id that holds an ARN (`Resource::arn:aws:s3:::bucket/prefix/*`) contains the
 * `::` that `acknowledge()` reserves for its own prefixes.
 */
export function acknowledgeNagFinding(scope: IConstruct, findingId: string, reason: string): void {
  acknowledgeNagFindings(scope, { [findingId]: reason });
}

/** Several findings (id to reason) in one metadata entry; nothing when there are none. */
export function acknowledgeNagFindings(scope: IConstruct, findings: Record<string, string>): void {
  if (Object.keys(findings).length === 0) return;
  scope.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, findings);
}

/**
 * The text cdk-nag shows for a policy `Resource` in a finding id: intrinsics flattened to
 * `<LogicalId.Attr>` and `<Ref>`, joins concatenated.
 */
export function nagResourceText(scope: IConstruct, resource: string): string {
  return flattenReference(resolveInStack(Stack.of(scope), resource));
}

/** A resolved CloudFormation value as text: `<LogicalId.Attr>` for GetAtt, `<X>` for Ref. */
export function flattenReference(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const obj = node as Record<string, any>;
  if (obj['Fn::Join']) {
    const [delimiter, items] = obj['Fn::Join'] as [string, unknown[]];
    return items.map(flattenReference).join(delimiter);
  }
  if (obj['Fn::Sub']) return flattenReference(obj['Fn::Sub']);
  if (obj['Fn::GetAtt']) {
    const [resource, attribute] = obj['Fn::GetAtt'] as [unknown, unknown];
    return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
  }
  if (obj['Fn::ImportValue']) return flattenReference(obj['Fn::ImportValue']);
  if (obj.Ref) return `<${flattenReference(obj.Ref)}>`;
  return JSON.stringify(node);
}
