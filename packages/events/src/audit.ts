import { currentRequestId, type Actor } from '@commerce-graph/kit';
import type { AdminAction } from './contracts.ts';

/**
 * The audit record of an admin action the actor did in this request: the staff member or
 * partner key, the network the gateway saw, the request id. Anyone else cannot act as an admin,
 * so asking for their record is a bug.
 */
export function adminActionBy(
  actor: Actor,
  action: string,
  target: AdminAction['target'],
  details: Record<string, unknown> = {},
): AdminAction {
  let who: AdminAction['actor'];
  if (actor.kind === 'customer') who = { kind: 'staff', id: actor.customerId };
  else if (actor.kind === 'partner') who = { kind: 'partner', id: actor.keyId };
  else throw new Error(`An anonymous caller cannot do the admin action ${action}`);
  const requestId = currentRequestId();
  return {
    actor: who,
    action,
    target,
    details,
    ...(actor.network ? { network: actor.network } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
