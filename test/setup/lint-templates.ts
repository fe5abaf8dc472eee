import { gatePendingPolicies, lintPendingTemplates } from '../helpers/cfn-lint';

// The policy gate (issue 21) checks the policies of every template a test synthesizes through
// `synth()` after each test, so that a finding fails that test with the policy's path.
afterEach(async () => {
  await gatePendingPolicies();
}, 60_000);

// Every template a test synthesizes through `synth()` is linted once per test file; the policies of
// templates synthesized outside any test (in beforeAll or afterEach) are gated here too.
afterAll(async () => {
  const errors: string[] = [];
  try {
    await gatePendingPolicies();
  } catch (e) {
    errors.push((e as Error).message);
  }
  try {
    lintPendingTemplates();
  } catch (e) {
    errors.push((e as Error).message);
  }
  if (errors.length > 0) throw new Error(errors.join('\n\n'));
}, 120_000);
