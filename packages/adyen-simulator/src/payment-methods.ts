/** The payment methods the simulated merchant account offers, per country and currency. */

/** One entry of Adyen's `/paymentMethods` answer (`paymentMethods[]`). */
export interface PaymentMethodOffer {
  type: string;
  name: string;
  /** For `scheme`: the card brands the account accepts. */
  brands?: string[];
}

interface LocalMethod {
  type: string;
  name: string;
  countries: readonly string[];
  currencies: readonly string[];
  /** Redirect methods answer `RedirectShopper`; the others are settled at once. */
  redirect: boolean;
}

const CARDS: PaymentMethodOffer = { type: 'scheme', name: 'Cards', brands: ['visa', 'mc', 'amex'] };

// Names and types as Adyen's test merchant accounts list them.
const LOCAL_METHODS: readonly LocalMethod[] = [
  { type: 'ideal', name: 'iDEAL', countries: ['NL'], currencies: ['EUR'], redirect: true },
  {
    type: 'bcmc',
    name: 'Bancontact card',
    countries: ['BE'],
    currencies: ['EUR'],
    redirect: false,
  },
  {
    type: 'klarna',
    name: 'Pay later with Klarna.',
    countries: ['DE'],
    currencies: ['EUR'],
    redirect: true,
  },
];

/**
 * What `/paymentMethods` lists for a shopper's country and currency: the local methods of that
 * market whose currency fits, then cards, which every market and currency gets.
 */
export function availablePaymentMethods(query: {
  countryCode?: string | undefined;
  currency?: string | undefined;
}): PaymentMethodOffer[] {
  const local = LOCAL_METHODS.filter(
    (method) =>
      query.countryCode !== undefined &&
      method.countries.includes(query.countryCode) &&
      (query.currency === undefined || method.currencies.includes(query.currency)),
  );
  return [
    ...local.map(({ type, name }) => ({ type, name })),
    { ...CARDS, brands: [...CARDS.brands!] },
  ];
}

/** Whether the method sends the shopper away (to the bank, to Klarna) before the result. */
export function isRedirectMethod(type: string): boolean {
  return LOCAL_METHODS.some((method) => method.type === type && method.redirect);
}

/** Whether a local method can be paid in this currency; cards and unknown types always can. */
export function acceptsCurrency(type: string, currency: string): boolean {
  const method = LOCAL_METHODS.find((m) => m.type === type);
  return method === undefined || method.currencies.includes(currency);
}
