import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Whether a rule was acknowledged on `scope` or one of its parents with aws-cdk-lib's
 * `Validations.of(x).acknowledge({ id, reason })`, which records `annotation::<id>` (and the reason)
 * in the construct metadata that cdk-nag reads too. This is what lets an error be acknowledged;
 * warnings and infos can also be acknowledged with `Annotations.of(x).acknowledgeWarning(id)` /
 * `acknowledgeInfo(id)`, which aws-cdk-lib applies itself.
 */
export function isAcknowledged(scope: IConstruct, id: string): boolean {
  return scope.node.scopes.some((node) => node.node.metadata.some((entry) =>
    entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY
    && typeof entry.data === 'object' && entry.data !== null
    // aws-cdk-lib before 2.262.1 records 'annotation::<id>', later releases 'Annotation::<id>'.
    && Object.keys(entry.data as Record<string, unknown>).some((key) => key.replace(/^annotation::/i, '') === id)));
}
