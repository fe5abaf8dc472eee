import { spawnSync } from 'child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, sep } from 'path';
import { formatFindings, gateTemplate } from './policy-gate';

/** One cfn-lint finding. */
export interface LintFinding {
  readonly file: string;
  readonly rule: string;
  readonly level: string;
  readonly message: string;
  readonly path: string;
}

const PROJECT_ROOT = join(__dirname, '..', '..');
const pending: Array<{ name: string; template: unknown }> = [];
const pendingPolicyGate: Array<{ name: string; template: unknown; testFile?: string }> = [];

/**
 * Queues a synthesized template: the suite's afterEach hook runs the policy gate over the templates
 * of each test (test/helpers/policy-gate.ts), its afterAll hook lints every queued template.
 */
export function registerForLint(name: string, template: unknown): void {
  pending.push({ name, template });
  const testPath = expect.getState().testPath;
  pendingPolicyGate.push({ name, template, testFile: testPath ? relative(PROJECT_ROOT, testPath).split(sep).join('/') : undefined });
}

/**
 * Runs the policy gate (issue 21) over every template queued since the last call and throws, with
 * each policy's path, if it finds anything. With POLICY_GATE_REPORT=<file> the findings are appended
 * to that file (one JSON object a line) instead, so that a whole run can be surveyed.
 */
export async function gatePendingPolicies(): Promise<void> {
  const batch = pendingPolicyGate.splice(0, pendingPolicyGate.length);
  const findings = [];
  for (const t of batch) findings.push(...await gateTemplate(t.name, t.template, { testFile: t.testFile }));
  if (findings.length === 0) return;
  const reportFile = process.env.POLICY_GATE_REPORT;
  if (reportFile) {
    appendFileSync(reportFile, findings.map((f) => JSON.stringify(f) + '\n').join(''));
    return;
  }
  throw new Error(`The policy gate found ${findings.length} defect(s) in synthesized policies (test/helpers/policy-gate.ts):\n${formatFindings(findings)}`);
}

/** Runs cfn-lint once over the given templates and returns its findings. */
export function lintTemplates(templates: Array<{ name: string; template: unknown }>): LintFinding[] {
  if (templates.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'cfn-lint-'));
  const files = templates.map((t, i) => {
    const file = join(dir, `${String(i).padStart(3, '0')}-${t.name.replace(/[^\w.-]+/g, '_').slice(0, 80)}.json`);
    writeFileSync(file, JSON.stringify(t.template, undefined, 1));
    return file;
  });
  const result = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    throw new Error(`cfn-lint could not run (is it installed and on PATH?): ${result.error.message}`);
  }
  // Exit codes are a bit mask of the levels found (2 error, 4 warning, 8 info); 1 is a crash.
  if (result.status === 1 || (result.status !== 0 && result.stdout.trim() === '')) {
    throw new Error(`cfn-lint failed (exit ${result.status}): ${result.stderr}`);
  }
  const matches = result.stdout.trim() === '' ? [] : JSON.parse(result.stdout);
  return matches.map((m: any) => ({
    file: m.Filename,
    rule: m.Rule?.Id,
    level: m.Level,
    message: m.Message,
    path: (m.Location?.Path ?? []).join('/'),
  }));
}

/**
 * Warnings that fail the gate like errors: W3037, an IAM action that IAM does not know (a policy
 * that names it grants nothing, or less than it says).
 */
export const GATING_WARNINGS = ['W3037'];

/** Lints everything queued by this test file and throws if any template has an error or a gating warning. */
export function lintPendingTemplates(): void {
  const batch = pending.splice(0, pending.length);
  const errors = lintTemplates(batch).filter((f) => f.level === 'Error' || GATING_WARNINGS.includes(f.rule));
  if (errors.length > 0) {
    throw new Error(`cfn-lint found ${errors.length} error(s) or gating warning(s) in synthesized templates:\n${errors
      .map((e) => `  ${e.rule} ${e.file} ${e.path}: ${e.message}`).join('\n')}`);
  }
}
