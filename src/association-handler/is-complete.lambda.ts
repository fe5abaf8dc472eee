import { isComplete, IsCompleteRequest, IsCompleteResponse } from './handler';

/** Provider framework isComplete handler of the role associations. */
export async function handler(event: IsCompleteRequest): Promise<IsCompleteResponse> {
  return isComplete(event);
}
