import { newOpaqueBlob } from './references.ts';

/** The `action` a `/payments` response carries when the shopper must go to their bank. */
export interface RedirectAction {
  type: 'redirect';
  paymentMethodType: string;
  method: 'GET';
  url: string;
}

/** What the shopper does on the simulated bank page: `?outcome=authorise` or `refuse`. */
export type RedirectOutcome = 'authorise' | 'refuse';

/** Where the shopper's browser goes; `GET` it with `?outcome=` to play the bank's part. */
export const REDIRECT_PATH = '/checkoutshopper/checkoutPaymentRedirect';

/** Creates a redirect action to the simulator at `baseUrl`, and its `redirectData` key. */
export function createRedirectAction(
  baseUrl: string,
  paymentMethodType: string,
): { action: RedirectAction; redirectData: string } {
  const redirectData = newOpaqueBlob(24).replace(/[+/=]/g, '');
  const url = new URL(`${baseUrl}${REDIRECT_PATH}`);
  url.searchParams.set('redirectData', redirectData);
  return {
    action: { type: 'redirect', paymentMethodType, method: 'GET', url: url.href },
    redirectData,
  };
}

/** The shopper's return: `returnUrl` with Adyen's `redirectResult` query parameter added. */
export function returnLocation(returnUrl: string, redirectResult: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set('redirectResult', redirectResult);
  return url.href;
}
