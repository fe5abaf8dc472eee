import { backoff, classify, errorName } from './faults';

/**
 * How the handler calls AWS again after answers that pass: throttling, and IAM denials while IAM
 * applies a change made in the same deployment.
 *
 * IAM is eventually consistent: "Changes that I make are not always immediately visible ... it can
 * take some time for the information to be reflected everywhere" (IAM User Guide, "Troubleshoot
 * IAM", and "Changes that I make are not always immediately visible"). CloudFormation updates an
 * association's access role right before it sends the association's request, and creates a new
 * access role before putting its inline policy, so the first calls of a request can be denied for a
 * few seconds: the role cannot be assumed yet, its policy is not in effect yet, or `iam:PassRole`
 * on a newly listed role is not. Such a denial is tried again for DENIED_WINDOW_MS; a denial that
 * lasts longer is reported with the action and resource IAM named.
 *
 * Redshift's own refusal of a role created seconds earlier is tried again the same way (see
 * RECENT_ROLE_NOTE in faults.ts).
 */

/** How long one denial is tried again: well past IAM's usual few seconds, well inside any wait. */
export const DENIED_WINDOW_MS = 120_000;

export interface RetryDeps {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

/** Calls `fn` again while AWS throttles it, with backoff, until `until` (ms since the epoch). */
export async function retryThrottled<T>(fn: () => Promise<T>, deps: RetryDeps, until: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const pause = backoff(attempt, deps.random);
      // Never sleep past `until`: the caller has planned its time up to there.
      if (classify(e) !== 'throttled' || attempt >= 8 || deps.now() + pause >= until) throw e;
      await deps.sleep(pause);
    }
  }
}

/**
 * Calls `fn` again while it is throttled or denied, until `until`: for the calls that cannot be left
 * to the next round of the handler's loop (assuming the access role; recording what a change just
 * attached). A denial that outlasts DENIED_WINDOW_MS (or `until`) throws `deniedError`.
 */
export async function retryDenied<T>(fn: () => Promise<T>, deps: RetryDeps, until: number, call: string): Promise<T> {
  const since = deps.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await retryThrottled(fn, deps, until);
    } catch (e) {
      if (classify(e) !== 'denied') throw e;
      const elapsed = deps.now() - since;
      const pause = deniedPause(attempt, deps.random);
      if (elapsed + pause > DENIED_WINDOW_MS || deps.now() + pause >= until) throw deniedError(e, call, elapsed);
      await deps.sleep(pause);
    }
  }
}

/** The pause before trying a denied call again: 1 s, then backoff, at most 20 s. */
export function deniedPause(attempt: number, random: () => number): number {
  return Math.max(1_000, backoff(attempt, random));
}

/**
 * The error of a denial that lasted: the action and resource IAM names in its message ("User: ...
 * is not authorized to perform: ACTION on resource: RESOURCE ..." — IAM User Guide, "Troubleshoot
 * access denied error messages"), or the call that was made, and where else a denial comes from.
 */
export function deniedError(e: any, call: string, elapsedMs: number): Error {
  const message: string = e?.message ?? String(e);
  const lasted = elapsedMs >= 1000 ? ` for ${Math.round(elapsedMs / 1000)} seconds` : '';
  if (!/denied|unauthorized/i.test(errorName(e))) {
    return new Error(
      `Redshift refused a role as not valid${lasted} (${errorName(e)}), longer than IAM takes to apply a new role or trust policy. `
      + `Check that its trust policy lets Redshift assume it (redshift.amazonaws.com, and redshift-serverless.amazonaws.com for a namespace). AWS said: ${message}`,
    );
  }
  const named = /is not authorized to perform:?\s+([\w-]+:[\w*-]+)(?:\s+on resource:?\s+"?([^\s"]+?)"?)?(?=[\s.,;]|$)/.exec(message);
  const what = named ? (named[2] ? `${named[1]} on ${named[2]}` : named[1]) : call;
  return new Error(
    `IAM denied ${what}${lasted} (${errorName(e)}), longer than IAM takes to apply a change made in this deployment. `
    + 'The association\'s access role allows it, so a policy outside this library may deny it: a service control policy, '
    + `a resource control policy, a permissions boundary, or an explicit Deny. AWS said: ${message}`,
  );
}
