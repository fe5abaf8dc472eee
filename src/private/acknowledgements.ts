import { Annotations, Validations } from 'aws-cdk-lib';
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
    // aws-cdk-lib before 2.262.1 records 'annotation::<id>', later releases 'Annotation::<id>'; the
    // CDK CLI shows "Acknowledge with 'Annotation::<id>'", which a user may pass as the id itself.
    && Object.keys(entry.data as Record<string, unknown>).some((key) => bareId(key) === bareId(id))));
}

/** `<id>` of `<id>`, `annotation::<id>`, `Annotation::<id>` (or the prefix twice). */
export function bareId(id: string): string {
  return id.replace(/^(annotation::)+/i, '');
}

/**
 * A warning with an id, for input that may still be right. It is silenced by
 * `Annotations.of(x).acknowledgeWarning(id)` as aws-cdk-lib allows, and also, on every aws-cdk-lib
 * release and whenever it is called before synthesis, by `Validations.of(x).acknowledge({ id })` on
 * the construct or a parent, with the id in any form the CDK CLI shows (`Annotation::<id>`).
 */
export function warn(scope: IConstruct, id: string, message: string): void {
  if (isAcknowledged(scope, id)) return;
  Annotations.of(scope).addWarningV2(id, message);
  // Acknowledged later: take the warning back when the app is synthesized. aws-cdk-lib removes a
  // warning that is acknowledged on its own construct after it was added (every release).
  scope.node.addValidation({
    validate: () => {
      if (isAcknowledged(scope, id)) Annotations.of(scope).acknowledgeWarning(id, 'acknowledged with Validations.of(x).acknowledge');
      return [];
    },
  });
}
