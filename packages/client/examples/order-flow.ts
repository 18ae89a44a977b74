/**
 * A guest buys one item end to end through the typed client: browse, product page, cart,
 * shipping, payment with the Adyen simulator's test card, then the order until it is PAID.
 *
 *   pnpm start                                  # the graph on http://localhost:4000/graphql
 *   pnpm exec tsx packages/client/examples/order-flow.ts [gateway-url]
 */
import { pathToFileURL } from 'node:url';
import {
  AddCartLineDocument,
  CreateCartDocument,
  createClient,
  OrderDocument,
  PaymentMethodsDocument,
  PlaceOrderDocument,
  ProductListDocument,
  ProductPageDocument,
  SetShippingAddressDocument,
  SetShippingMethodDocument,
  type Client,
  type OrderFieldsFragment,
} from '../src/index.ts';

/** The simulator's stand-ins for Adyen-encrypted card fields; `holderName` picks the outcome. */
export const SIMULATOR_TEST_CARD = {
  type: 'scheme',
  encryptedCardNumber: 'test_4111111145551142',
  encryptedExpiryMonth: 'test_03',
  encryptedExpiryYear: 'test_2030',
  encryptedSecurityCode: 'test_737',
  holderName: 'APPROVED',
};

export interface OrderFlowOptions {
  email?: string;
  /** How long to wait for the payment webhook to mark the order PAID. */
  paidWithinMs?: number;
  log?: (line: string) => void;
}

/** Runs the whole guest order flow and answers the order as it stands once paid. */
export async function runOrderFlow(
  client: Client,
  { email = 'shopper@example.com', paidWithinMs = 15_000, log = () => {} }: OrderFlowOptions = {},
): Promise<OrderFieldsFragment> {
  // 1. Browse: the first page of the catalogue, and the first product with a variant in stock.
  const { products } = await client.request(ProductListDocument, { first: 24 });
  log(`${products.totalCount} products`);
  const listed = products.edges.find((e) => e.node.variants.some((v) => v.availability.inStock));
  if (!listed) throw new Error('no product in stock');

  // 2. The product page, by slug.
  const { product } = await client.request(ProductPageDocument, { slug: listed.node.slug });
  if (!product) throw new Error(`no product ${listed.node.slug}`);
  const variant = product.variants.find((v) => v.availability.inStock)!;
  log(`${product.name} ${variant.sku}: ${formatMoney(variant.price)}`);

  // 3. A cart with one unit. Expected refusals (sold out, limits) are typed results.
  const { createCart: cart } = await client.request(CreateCartDocument, {
    currencyCode: variant.price.currencyCode,
  });
  const { addCartLine } = await client.request(AddCartLineDocument, {
    cartId: cart.id,
    variantId: variant.id,
    quantity: 1,
  });
  if (addCartLine.__typename !== 'Cart') throw new Error(describeRefusal(addCartLine));
  log(`cart ${cart.id}: ${addCartLine.totalQuantity} item(s)`);

  // 4. Shipping: the address answers the methods that deliver there; take the cheapest.
  const { setCartShippingAddress: addressed } = await client.request(SetShippingAddressDocument, {
    cartId: cart.id,
    address: {
      name: 'Ann Example',
      line1: 'Damrak 1',
      city: 'Amsterdam',
      postalCode: '1012 LG',
      countryCode: 'NL',
    },
  });
  if (addressed.__typename !== 'Cart') throw new Error(describeRefusal(addressed));
  const [cheapest] = [...addressed.shippingMethods].sort((a, b) => a.price.amount - b.price.amount);
  if (!cheapest) throw new Error('no shipping method delivers to the address');
  const { setCartShippingMethod: shipped } = await client.request(SetShippingMethodDocument, {
    cartId: cart.id,
    code: cheapest.code,
  });
  if (shipped.__typename !== 'Cart') throw new Error(describeRefusal(shipped));
  log(`shipping ${cheapest.name}; total ${formatMoney(shipped.totals.total)}`);

  // 5. What the shopper may pay with, for this country, currency and amount.
  const { paymentMethods } = await client.request(PaymentMethodsDocument, {
    countryCode: 'NL',
    currencyCode: shipped.totals.total.currencyCode,
    amount: shipped.totals.total.amount,
  });
  log(`payment methods: ${paymentMethods.map((m) => m.name).join(', ')}`);

  // 6. Pay. The idempotency key is made once per "pay" press: a retry sends the same one.
  const { placeOrder } = await client.request(PlaceOrderDocument, {
    input: {
      cartId: cart.id,
      idempotencyKey: crypto.randomUUID(),
      expectedTotal: shipped.totals.total.amount,
      email,
      paymentMethod: SIMULATOR_TEST_CARD,
    },
  });
  if (placeOrder.__typename !== 'OrderPlaced') throw new Error(describeRefusal(placeOrder));
  if (placeOrder.action) {
    // A browser would hand `action` to Adyen Web and send its result with SubmitPaymentDetails.
    throw new Error('the payment needs a shopper action (3-D Secure); use a browser');
  }
  log(
    `order ${placeOrder.order.number}: ${placeOrder.order.status}, ${placeOrder.payment.resultCode}`,
  );

  // 7. The order is PAID once Adyen's webhook has arrived; a guest reads it with its access key.
  const deadline = Date.now() + paidWithinMs;
  for (;;) {
    const { order } = await client.request(OrderDocument, {
      id: placeOrder.order.id,
      accessKey: placeOrder.accessKey,
    });
    if (order?.status === 'PAID') {
      log(`order ${order.number} PAID: ${formatMoney(order.total)}`);
      return order;
    }
    if (Date.now() > deadline)
      throw new Error(`order still ${order?.status} after ${paidWithinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function formatMoney({ amount, currencyCode }: { amount: number; currencyCode: string }): string {
  return `${(amount / 100).toFixed(2)} ${currencyCode}`;
}

function describeRefusal(result: { __typename: string; code?: string; message?: string }): string {
  return `${result.__typename}${result.code ? ` (${result.code})` : ''}: ${result.message ?? ''}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const client = createClient({ url: process.argv[2] ?? 'http://localhost:4000/graphql' });
  const order = await runOrderFlow(client, { log: (line) => console.log(line) });
  console.log(JSON.stringify(order, null, 2));
}
