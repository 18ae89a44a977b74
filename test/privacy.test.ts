import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventQueueName, type Consumer, type EventEnvelope } from '@commerce-graph/events';
import { createQueueFactory, type QueueConnectionConfig } from '@commerce-graph/kit';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { eventually } from './support/eventually.ts';
import { startTestGraph, type TestGraph, type TestStaff } from './support/graph.ts';
import { graphql } from './support/graphql.ts';
import { ENCRYPTED_TEST_CARD } from './support/payment.ts';
import { queueBackends } from './support/queues.ts';
import { shipCartTo } from './support/delivery.ts';

const INTERNAL_TOKEN = 'privacy-internal-token-0123456789abcdef';
/** Staff who may act on customers' data, and staff who may not. */
const SUPPORT: TestStaff = {
  email: 'support@staff.example.com',
  password: 'support password 0123456789',
  role: 'customer-support',
};
const STOCK: TestStaff = {
  email: 'stock@staff.example.com',
  password: 'stock password 0123456789',
  role: 'stock-manager',
};
const PASSWORD = 'correct horse battery staple';
const EMAIL = 'privacy.person@example.com';
const ADDRESS = {
  name: 'Pat Private',
  line1: 'Geheimstraat 17',
  line2: 'Third floor',
  city: 'Utrecht',
  postalCode: '3511 AB',
  region: 'Utrecht',
  countryCode: 'NL',
  phone: '+31 30 123 4567',
};

/**
 * Every column of every table that holds data about a customer, classified: `exported` columns
 * appear in the GDPR export with their stored value; `withheld` ones are secrets (hashes) or,
 * for refresh tokens, session plumbing without anything about the person. A column or table
 * added to these schemas without a place here fails the test.
 */
const PERSONAL_COLUMNS: Record<string, { exported: string[]; withheld: string[] }> = {
  'identity.customers': {
    exported: [
      'id',
      'email',
      'email_verified_at',
      'password_changed_at',
      'created_at',
      'updated_at',
      'erased_at',
    ],
    withheld: ['password_hash'],
  },
  'identity.sessions': {
    exported: ['id', 'customer_id', 'created_at', 'refreshed_at', 'revoked_at', 'revoked_reason'],
    withheld: [],
  },
  'identity.refresh_tokens': {
    exported: [],
    withheld: ['id', 'session_id', 'token_hash', 'created_at', 'expires_at', 'used_at'],
  },
  'identity.account_tokens': {
    exported: ['id', 'customer_id', 'purpose', 'email', 'created_at', 'expires_at', 'used_at'],
    withheld: ['token_hash'],
  },
  'identity.addresses': {
    exported: [
      'id',
      'customer_id',
      'name',
      'line1',
      'line2',
      'city',
      'postal_code',
      'region',
      'country_code',
      'phone',
      'created_at',
      'updated_at',
    ],
    withheld: [],
  },
  'identity.outbound_mail': {
    exported: ['id', 'recipient', 'template', 'subject', 'body', 'sent_at'],
    withheld: [],
  },
  'identity.privacy_audit': {
    exported: ['id', 'action', 'customer_id', 'actor_kind', 'network', 'created_at'],
    withheld: [],
  },
  'identity.staff_roles': {
    exported: ['id', 'customer_id', 'role', 'granted_by', 'granted_at'],
    withheld: [],
  },
  'identity.admin_audit': {
    exported: [
      'id',
      'occurred_at',
      'service',
      'actor_kind',
      'actor_id',
      'action',
      'target_type',
      'target_id',
      'details',
      'network',
      'request_id',
    ],
    withheld: [],
  },
  'cart.carts': {
    exported: [
      'id',
      'status',
      'currency',
      'customer_id',
      'order_id',
      'merged_into',
      'discount_code_id',
      'created_at',
      'updated_at',
      'shipping_address',
      'billing_address',
    ],
    withheld: [],
  },
  'cart.cart_lines': {
    exported: ['id', 'cart_id', 'variant_id', 'quantity', 'added_unit_price', 'created_at'],
    withheld: [],
  },
  'cart.discount_redemptions': {
    exported: [
      'id',
      'order_id',
      'discount_code_id',
      'cart_id',
      'customer_key',
      'amount',
      'status',
      'created_at',
      'released_at',
    ],
    withheld: [],
  },
  'checkout.orders': {
    exported: [
      'id',
      'number',
      'cart_id',
      'customer_id',
      'email',
      'status',
      'subtotal_amount',
      'discount_amount',
      'discount_code',
      'total_amount',
      'currency',
      'created_at',
      'updated_at',
      'anonymised_at',
      'carrier',
      'tracking_number',
      'cancel_reason',
      'shipping_amount',
      'tax_amount',
      'tax_included',
      'tax_lines',
      'shipping_address',
      'billing_address',
      'shipping_method',
    ],
    withheld: ['access_key_hash'],
  },
  'checkout.order_lines': {
    exported: [
      'id',
      'order_id',
      'variant_id',
      'quantity',
      'unit_amount',
      'position',
      'discount_amount',
      'tax_class',
      'tax_rate_basis_points',
      'tax_amount',
    ],
    withheld: [],
  },
  'checkout.order_history': {
    exported: ['id', 'order_id', 'from_status', 'to_status', 'cause', 'at'],
    withheld: [],
  },
  'checkout.payments': {
    exported: [
      'id',
      'order_id',
      'status',
      'amount',
      'currency',
      'psp_reference',
      'result_code',
      'refusal_reason',
      'authorised_amount',
      'captured_amount',
      'refunded_amount',
      'charged_back_amount',
      'integration',
      'created_at',
      'updated_at',
    ],
    withheld: [],
  },
  'checkout.payment_ledger': {
    exported: [
      'id',
      'payment_id',
      'order_id',
      'notification_id',
      'kind',
      'psp_reference',
      'amount',
      'currency',
      'created_at',
    ],
    withheld: [],
  },
  'checkout.payment_modifications': {
    exported: [
      'id',
      'payment_id',
      'order_id',
      'kind',
      'amount',
      'currency',
      'status',
      'psp_reference',
      'reason',
      'requested_by',
      'created_at',
      'updated_at',
    ],
    withheld: [],
  },
  'checkout.adyen_notifications': {
    exported: [
      'id',
      'psp_reference',
      'original_reference',
      'merchant_reference',
      'event_code',
      'success',
      'amount_value',
      'amount_currency',
      'reason',
      'event_date',
      'item',
      'received_at',
      'processed_at',
      'outcome',
    ],
    withheld: [],
  },
};
/**
 * Tables that are no export's business: the outboxes carry events between services (deleted 7
 * days after publishing; identity's mail events of an erased customer are deleted with it).
 */
const TRANSPORT_TABLES = ['identity.outbox_events', 'checkout.outbox_events'];
/**
 * Tables about no customer: partner API keys name a partner, not a person; discount codes are
 * the shop's (their `created_by` is a staff member acting for it); order outcomes hold order ids;
 * checkout's idempotency keys are a client's random request keys and the order each placed (the
 * order itself is exported); a customer's keys carry their id as scope and are deleted with the
 * account (checked below). Checkout's shipping methods and tax rates are the shop's settings, and
 * a cart's shipping selection names a cart and a method code, nobody.
 */
const NOT_ABOUT_CUSTOMERS = [
  'identity.api_keys',
  // A partner's subscriptions and what was sent to it: order ids, statuses and totals, never a
  // name, an email or an address (identity's README, "Partner webhooks").
  'identity.webhook_subscriptions',
  'identity.webhook_deliveries',
  'cart.discount_codes',
  'cart.order_outcomes',
  'checkout.idempotency_keys',
  'checkout.shipping_methods',
  'checkout.tax_rates',
  'checkout.cart_shipping_selections',
];

/** Which rows of each table are the customer's (`me.cid`: the customer id, `me.mail`: the email). */
const OWNED_ROWS: Record<string, string> = {
  'identity.customers': 't.id = me.cid',
  'identity.sessions': 'customer_id = me.cid',
  'identity.account_tokens': 'customer_id = me.cid',
  'identity.addresses': 'customer_id = me.cid',
  'identity.outbound_mail': 'lower(recipient) = lower(me.mail)',
  'identity.privacy_audit': 'customer_id = me.cid',
  'identity.staff_roles': 'customer_id = me.cid',
  'identity.admin_audit': 'actor_id = me.cid or target_id = me.cid::text',
  'cart.carts': 'customer_id = me.cid',
  'cart.cart_lines': 'cart_id in (select id from cart.carts where customer_id = me.cid)',
  'cart.discount_redemptions': 'customer_key = me.cid::text',
  'checkout.orders': 'customer_id = me.cid',
  'checkout.order_lines': 'order_id in (select id from checkout.orders where customer_id = me.cid)',
  'checkout.order_history':
    'order_id in (select id from checkout.orders where customer_id = me.cid)',
  'checkout.payments': 'order_id in (select id from checkout.orders where customer_id = me.cid)',
  'checkout.payment_ledger':
    'order_id in (select id from checkout.orders where customer_id = me.cid)',
  'checkout.payment_modifications':
    'order_id in (select id from checkout.orders where customer_id = me.cid)',
  'checkout.adyen_notifications':
    'merchant_reference in (select id::text from checkout.orders where customer_id = me.cid)',
};

const SUBGRAPH_OF: Record<string, string> = {
  identity: 'identity',
  cart: 'cart',
  checkout: 'checkout',
};
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

const SESSION = /* GraphQL */ `
  fragment S on SessionResult {
    __typename
    ... on Session {
      accessToken
      customer {
        id
      }
    }
    ... on UserError {
      code
    }
  }
`;
const EXPORT = /* GraphQL */ `
  mutation {
    exportMyData {
      __typename
      ... on PersonalDataExport {
        exportedAt
        data
      }
      ... on UserError {
        code
      }
    }
  }
`;
const ERASE = /* GraphQL */ `
  mutation ($password: String!) {
    eraseMyAccount(password: $password) {
      __typename
      ... on AccountErased {
        customerId
        erasedAt
      }
      ... on UserError {
        code
      }
    }
  }
`;

type Document = Record<string, Record<string, Array<Record<string, unknown>>>> & {
  customerId: string;
};

/**
 * GDPR through the whole graph: a customer with an account, an address, a cart and a paid
 * order exports everything held about them, then erases it; the order stays, anonymised.
 */
describe('GDPR export and erasure (through the gateway)', () => {
  let shop: TestGraph;
  let queueConfig: QueueConnectionConfig;
  let variantId: string;
  const ask = (authorization?: string) => (query: string, variables?: Record<string, unknown>) =>
    graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      query,
      variables,
      authorization ? { authorization } : {},
    );
  const anonymous = ask();

  beforeAll(async () => {
    const backend = queueBackends()[0]!;
    shop = await startTestGraph(
      {
        ...backend,
        config: (url) => (queueConfig = backend.config(url)),
      },
      {
        catalog: buildDemoCatalog(4),
        internalToken: INTERNAL_TOKEN,
        staff: [SUPPORT, STOCK],
      },
    );
    const page = await anonymous(
      '{ products(first: 4) { edges { node { variants { id availability { inStock } } } } } }',
    );
    // The cart refuses a sold-out variant: take the first one in stock.
    variantId = page
      .data!.products.edges.flatMap(
        (edge: { node: { variants: Array<{ id: string; availability: { inStock: boolean } }> } }) =>
          edge.node.variants,
      )
      .find((variant: { availability: { inStock: boolean } }) => variant.availability.inStock).id;
    // A discount code the customer redeems, so the export holds a redemption.
    const created = await graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      `
        mutation {
          createDiscountCode(input: { code: "PRIVACY10", kind: PERCENTAGE, percentOff: 10 }) {
            __typename
          }
        }
      `,
      {},
      await shop.staffHeaders(),
    );
    expect(created.data?.createDiscountCode.__typename).toBe('DiscountCode');
  });
  afterAll(async () => {
    await shop?.close();
  });

  /** A customer with every kind of personal data: account, address, mail, cart, paid order. */
  async function customerWithHistory(email: string, book = ADDRESS) {
    const registered = await anonymous(
      `mutation($email: String!, $password: String!) {
        register(input: { email: $email, password: $password }) { ...S } } ${SESSION}`,
      { email, password: PASSWORD },
    );
    expect(registered.data?.register.__typename).toBe('Session');
    const customerId = registered.data!.register.customer.id as string;
    const me = ask(`Bearer ${registered.data!.register.accessToken}`);
    const address = await me(
      'mutation($input: AddressInput!) { addAddress(input: $input) { __typename } }',
      { input: book },
    );
    expect(address.data?.addAddress.__typename).toBe('Address');
    // The customer works for the shop too: a staff role, and the owner's grant of it audited.
    const granted = await graphql<Record<string, any>>(
      shop.graph.gatewayUrl,
      'mutation($e: String!) { grantStaffRole(email: $e, role: ORDER_MANAGER) { __typename } }',
      { e: email },
      await shop.staffHeaders(),
    );
    expect(granted.data?.grantStaffRole.__typename).toBe('StaffMember');

    const cartId = (await me('mutation { createCart { id } }')).data!.createCart.id as string;
    const added = await me(
      'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 2) { __typename } }',
      { c: cartId, v: variantId },
    );
    expect(added.data?.addCartLine.__typename).toBe('Cart');
    const discounted = await me(
      'mutation($c: ID!) { applyDiscountCode(cartId: $c, code: "privacy10") { __typename } }',
      { c: cartId },
    );
    expect(discounted.data?.applyDiscountCode.__typename).toBe('Cart');
    await shipCartTo(me, cartId);
    const placed = await me(
      `mutation($input: PlaceOrderInput!) {
        placeOrder(input: $input) { __typename ... on OrderPlaced { order { id } } } }`,
      {
        input: {
          cartId,
          idempotencyKey: crypto.randomUUID(),
          email,
          paymentMethod: { ...ENCRYPTED_TEST_CARD, holderName: 'APPROVED' },
        },
      },
    );
    expect(placed.data?.placeOrder.__typename).toBe('OrderPlaced');
    const orderId = placed.data!.placeOrder.order.id as string;
    // The webhook (stored notification), the cart checked out and the verification mail sent.
    await eventually(async () => {
      const [row] = await shop.sql`
        select
          (select status from checkout.orders where id = ${orderId}) as order_status,
          (select count(*)::int from checkout.adyen_notifications
            where merchant_reference = ${orderId} and processed_at is not null) as notifications,
          (select status from cart.carts where id = ${cartId}) as cart_status,
          (select count(*)::int from identity.outbound_mail where recipient = ${email}) as mails`;
      return (
        row?.order_status === 'PAID' &&
        row.notifications > 0 &&
        row.cart_status === 'CHECKED_OUT' &&
        row.mails > 0
      );
    });
    // A refund staff asked for and Adyen refused (written as refundOrder writes it): the order
    // stays PAID, and the request is the customer's data too.
    await shop.sql`
      insert into checkout.payment_modifications
        (id, payment_id, order_id, kind, amount, currency, status, reason, requested_by)
      select gen_random_uuid(), id, order_id, 'REFUND', 100, currency, 'FAILED',
             'goodwill refund, refused by Adyen', 'staff:' || gen_random_uuid()
      from checkout.payments where order_id = ${orderId}`;
    return { customerId, cartId, orderId, me };
  }

  /** The customer's rows of every classified table, as they are now. */
  async function ownedRows(customerId: string, email: string) {
    const rows: Record<string, Array<Record<string, unknown>>> = {};
    for (const [table, where] of Object.entries(OWNED_ROWS)) {
      rows[table] = await shop.sql.unsafe(
        `with me as (select $1::uuid as cid, $2::text as mail)
         select t.* from ${table} t, me where ${where}`,
        [customerId, email],
      );
    }
    return rows;
  }

  let customer: Awaited<ReturnType<typeof customerWithHistory>>;
  let exported: Document;

  it('classifies every column of every table that holds data about a customer', async () => {
    const columns = await shop.sql<{ table: string; column: string }[]>`
      select table_schema || '.' || table_name as table, column_name as column
      from information_schema.columns
      where table_schema in ('identity', 'cart', 'checkout')`;
    const found: Record<string, string[]> = {};
    for (const { table, column } of columns) (found[table] ??= []).push(column);
    const classified = Object.fromEntries(
      Object.entries(PERSONAL_COLUMNS).map(([table, { exported: e, withheld: w }]) => [
        table,
        [...e, ...w].sort(),
      ]),
    );
    for (const table of [...TRANSPORT_TABLES, ...NOT_ABOUT_CUSTOMERS]) delete found[table];
    for (const table of Object.keys(found)) found[table]!.sort();
    expect(found).toEqual(classified);
  });

  it('exports every personal field each subgraph holds, as one JSON document', async () => {
    customer = await customerWithHistory(EMAIL);
    // A first export, so the second holds an audit row too.
    expect((await customer.me(EXPORT)).data?.exportMyData.__typename).toBe('PersonalDataExport');
    const before = await ownedRows(customer.customerId, EMAIL);
    const answer = await customer.me(EXPORT);
    expect(answer.data?.exportMyData.__typename).toBe('PersonalDataExport');
    exported = answer.data!.exportMyData.data as Document;
    expect(exported.customerId).toBe(customer.customerId);

    // What the customer gave and bought, in plain sight.
    const identity = exported.identity!;
    expect(identity.customers![0]!.email).toBe(EMAIL);
    expect(identity.addresses![0]).toMatchObject(ADDRESS);
    expect(exported.cart!.cartLines).toEqual([
      expect.objectContaining({ cartId: customer.cartId, variantId, quantity: 2 }),
    ]);
    expect(exported.checkout!.orders).toEqual([
      expect.objectContaining({ id: customer.orderId, email: EMAIL, status: 'PAID' }),
    ]);

    // The column test: every exported column's value of every row of the customer's.
    for (const [table, { exported: columns, withheld }] of Object.entries(PERSONAL_COLUMNS)) {
      if (columns.length === 0) continue;
      const [schema, name] = table.split('.') as [string, string];
      const rows = before[table]!;
      expect(rows.length, `${table} has rows of the customer`).toBeGreaterThan(0);
      const part = exported[SUBGRAPH_OF[schema]!]![camel(name)];
      expect(part, `${table} is in the export`).toHaveLength(rows.length);
      for (const row of rows) {
        const match = part!.find((candidate) => candidate.id === row.id);
        expect(match, `${table} row ${String(row.id)} is exported`).toBeDefined();
        for (const column of columns) {
          expect(match![camel(column)], `${table}.${column}`).toEqual(plain(row[column]));
        }
        for (const column of withheld) {
          expect(match, `${table}.${column} is withheld`).not.toHaveProperty(camel(column));
        }
      }
    }
  });

  it('lets an admin export on behalf of a customer, and nobody else', async () => {
    const query = /* GraphQL */ `
      mutation ($id: ID!) {
        exportCustomerData(customerId: $id) {
          __typename
          ... on PersonalDataExport {
            data
          }
        }
      }
    `;
    const support = ask((await shop.staffHeaders(SUPPORT)).authorization);
    const byAdmin = await support(query, { id: customer.customerId });
    expect(byAdmin.data?.exportCustomerData.__typename).toBe('PersonalDataExport');
    expect(byAdmin.data!.exportCustomerData.data.identity.customers[0].email).toBe(EMAIL);
    const byCustomer = await customer.me(query, { id: customer.customerId });
    expect(byCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byOtherStaff = await ask((await shop.staffHeaders(STOCK)).authorization)(query, {
      id: customer.customerId,
    });
    expect(byOtherStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The request is in the admin audit log too: who, for whom, from where.
    const [entry] = await shop.sql`
      select a.action, a.actor_kind, a.network, c.email from identity.admin_audit a
      join identity.customers c on c.id = a.actor_id
      where a.target_id = ${customer.customerId} and a.action = 'exportCustomerData'`;
    expect(entry).toMatchObject({
      action: 'exportCustomerData',
      actor_kind: 'staff',
      email: SUPPORT.email,
    });
    expect(typeof entry!.network).toBe('string');
    // The internal parts are not in the public graph.
    const direct = await anonymous('query($id: ID!) { cartPersonalData(customerId: $id) }', {
      id: customer.customerId,
    });
    expect(direct.status).toBe(400);
  });

  it('erases the customer everywhere, keeps the anonymised order, and audits both actions', async () => {
    const other = await customerWithHistory('bystander@example.com', {
      ...ADDRESS,
      name: 'Bo Bystander',
      line1: 'Openbareweg 1',
      phone: '+31 20 765 4321',
    });
    const orderBefore = await shop.sql`
      select total_amount, currency, status, (select count(*)::int from checkout.order_lines
        where order_id = ${customer.orderId}) as lines
      from checkout.orders where id = ${customer.orderId}`;

    const wrong = await customer.me(ERASE, { password: 'not the password at all' });
    expect(wrong.data?.eraseMyAccount).toEqual({
      __typename: 'InvalidCredentials',
      code: 'INVALID_CREDENTIALS',
    });
    const [keysBefore] = await shop.sql`
      select count(*)::int as n from checkout.idempotency_keys where scope = ${customer.customerId}`;
    const erased = await customer.me(ERASE, { password: PASSWORD });
    expect(erased.data?.eraseMyAccount).toMatchObject({
      __typename: 'AccountErased',
      customerId: customer.customerId,
    });

    // Cart and checkout follow through the event.
    await eventually(async () => {
      const [row] = await shop.sql`
        select (select count(*)::int from cart.carts where customer_id = ${customer.customerId})
          + (select count(*)::int from checkout.orders where customer_id = ${customer.customerId})
          as left`;
      return row?.left === 0;
    });
    const [keysAfter] = await shop.sql`
      select count(*)::int as n from checkout.idempotency_keys where scope = ${customer.customerId}`;
    expect([keysBefore!.n > 0, keysAfter!.n]).toEqual([true, 0]);

    // No text or JSON column anywhere holds the email or the address any more.
    const textColumns = await shop.sql<{ table: string; column: string }[]>`
      select table_schema || '.' || table_name as table, column_name as column
      from information_schema.columns
      where table_schema in ('identity', 'cart', 'checkout')
        and data_type in ('text', 'character varying', 'character', 'jsonb', 'json')`;
    expect(textColumns.length).toBeGreaterThan(20);
    for (const needle of [EMAIL, ADDRESS.line1, ADDRESS.phone, ADDRESS.name]) {
      for (const { table, column } of textColumns) {
        const [hit] = await shop.sql.unsafe(
          `select count(*)::int as n from ${table} where position(lower($1) in lower("${column}"::text)) > 0`,
          [needle],
        );
        expect(hit!.n, `${table}.${column} holds "${needle}"`).toBe(0);
      }
    }
    const rows = await ownedRows(customer.customerId, EMAIL);
    for (const table of [
      'identity.addresses',
      'identity.account_tokens',
      'identity.staff_roles',
      'cart.carts',
      'cart.discount_redemptions',
    ]) {
      expect(rows[table], table).toEqual([]);
    }
    const [account] = rows['identity.customers']!;
    expect(account).toMatchObject({
      email: `erased-${customer.customerId}@erased.invalid`,
      password_hash: null,
      email_verified_at: null,
    });
    expect(account!.erased_at).toBeInstanceOf(Date);
    for (const session of rows['identity.sessions']!) {
      expect(session.revoked_at).toBeInstanceOf(Date);
    }

    // The order record stays for the tax authorities, without anything personal.
    const [order] = await shop.sql`
      select o.*, (select count(*)::int from checkout.order_lines where order_id = o.id) as lines
      from checkout.orders o where id = ${customer.orderId}`;
    expect(order).toMatchObject({
      email: null,
      customer_id: null,
      total_amount: orderBefore[0]!.total_amount,
      currency: orderBefore[0]!.currency,
      status: orderBefore[0]!.status,
      lines: orderBefore[0]!.lines,
      // Only the countries stay, for VAT reporting.
      shipping_address: { countryCode: 'NL' },
      billing_address: { countryCode: 'NL' },
    });
    expect(order!.anonymised_at).toBeInstanceOf(Date);
    const notifications = await shop.sql`
      select item from checkout.adyen_notifications where merchant_reference = ${customer.orderId}`;
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.every((n) => n.item === null)).toBe(true);

    // The bystander keeps everything.
    const [kept] = await shop.sql`
      select (select email from checkout.orders where id = ${other.orderId}) as email,
        (select count(*)::int from cart.carts where id = ${other.cartId}) as carts`;
    expect(kept).toEqual({ email: 'bystander@example.com', carts: 1 });

    // No way back in: the password fails, the access token shows nobody.
    const login = await anonymous(
      `mutation($email: String!, $password: String!) {
        login(email: $email, password: $password) { ...S } } ${SESSION}`,
      { email: EMAIL, password: PASSWORD },
    );
    expect(login.data?.login).toEqual({
      __typename: 'InvalidCredentials',
      code: 'INVALID_CREDENTIALS',
    });
    expect((await customer.me('{ me { id } }')).data).toEqual({ me: null });
    expect((await customer.me(EXPORT)).data?.exportMyData.__typename).toBe('NotSignedIn');

    // Both actions are audited: who, what, for whom, when, from where.
    const audit = await shop.sql`
      select action, actor_kind, network, created_at from identity.privacy_audit
      where customer_id = ${customer.customerId} order by created_at`;
    expect(audit.map((row) => [row.action, row.actor_kind])).toEqual([
      ['export', 'customer'],
      ['export', 'customer'],
      ['export', 'admin'],
      ['erasure', 'customer'],
    ]);
    for (const row of audit) {
      expect(typeof row.network).toBe('string');
      expect(row.created_at).toBeInstanceOf(Date);
    }
  });

  it('changes nothing when the erasure event is delivered again', async () => {
    const [outbox] = await shop.sql`
      select id, name, payload, occurred_at from identity.outbox_events
      where name = 'identity.customer.erased' and payload->>'customerId' = ${customer.customerId}`;
    expect(outbox).toBeDefined();
    const snapshot = () => shop.sql`
      select (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from cart.carts t)
          as carts,
        (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from cart.cart_lines t)
          as lines,
        (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from checkout.orders t)
          as orders,
        (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '')
          from checkout.adyen_notifications t) as notifications`;
    const before = await snapshot();

    const envelope: EventEnvelope<'identity.customer.erased'> = {
      id: outbox!.id,
      name: 'identity.customer.erased',
      occurredAt: new Date(outbox!.occurred_at).toISOString(),
      payload: outbox!.payload,
    };
    const queues = createQueueFactory(queueConfig);
    try {
      for (const consumer of ['cart', 'checkout'] satisfies Consumer[]) {
        const queue = queues.createQueue<EventEnvelope>(eventQueueName(consumer));
        // A new job id: the handler runs again, as after a crash before the job was acknowledged.
        const job = await queue.add(envelope.name, envelope, { jobId: `${envelope.id}-again` });
        await eventually(async () => (await job.getState()) === 'completed');
      }
    } finally {
      await queues.close();
    }
    expect(await snapshot()).toEqual(before);
  });
});
