import { Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { synth } from './synth';

/** Synthesizes (so construct validations run), then runs the AwsSolutions pack over `scope`: the findings left unexplained. */
export function nagFindings(stack: Stack, scope: IConstruct = stack): string[] {
  synth(stack);
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`)).sort();
}

/** The acknowledgements (finding id -> reason) recorded on the constructs under `scope`. */
export function acknowledgements(scope: IConstruct): Record<string, string> {
  return Object.assign({}, ...scope.node.findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
    .map((m) => m.data));
}
