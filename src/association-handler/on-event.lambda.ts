import { onEvent, OnEventRequest, OnEventResponse } from './handler';

/** Provider framework onEvent handler of the role associations. */
export async function handler(event: OnEventRequest): Promise<OnEventResponse> {
  return onEvent(event);
}
