import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../scripts/demo-catalog.ts';
import { startStorefront, type RunningStorefront } from '../storefront/server.ts';
import { startTestGraph, type TestGraph } from './support/graph.ts';
import { queueBackends } from './support/queues.ts';

/** Debian's chromium; `.ci/run` installs it. Playwright never downloads a browser here. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('storefront/screenshots');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`storefront tests skipped: no ${CHROMIUM} (apt-get install -y chromium)`);
}

const APPROVED_CARD = { number: '4111 1111 4555 1142', expiry: '03/30', cvc: '737' };
// The simulator refuses this test card ("Refused", code 2) whatever the holder's name.
const REFUSED_CARD = { number: '4000 3000 1111 2220', expiry: '03/30', cvc: '737' };

describe.skipIf(!hasChromium)('the storefront in headless Chromium', () => {
  let shop: TestGraph;
  let storefront: RunningStorefront;
  let browser: Browser;
  let page: Page;
  const placeOrderBodies: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    await rm(SCREENSHOTS, { recursive: true, force: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    // The storefront's origin is known once it listens; the gateway must allow it by CORS.
    let gatewayUrl = '';
    storefront = await startStorefront({ port: 0, gatewayUrl: () => gatewayUrl });
    shop = await startTestGraph(queueBackends()[0]!, {
      catalog: buildDemoCatalog(24),
      gateway: { corsOrigins: [storefront.url] },
    });
    gatewayUrl = shop.graph.gatewayUrl;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on('request', (request: Request) => {
      const body = request.postDataJSON() as { query?: string; variables?: unknown } | null;
      if (body?.query?.includes('placeOrder')) {
        placeOrderBodies.push(body.variables as Record<string, unknown>);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await storefront?.close();
  });

  const snap = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** Waits until the page of a hash containing `fragment` has been drawn. */
  const drawn = (fragment: string) =>
    page.locator(`body[data-rendered*="${fragment}"]:not([data-loading])`).waitFor();
  const text = async (selector: string) =>
    (await page.locator(selector).first().innerText()).trim();

  /** From the product page: picks a variant with at least `units` in stock and adds it. */
  async function addVariantWithStock(units: number, beforeAdding?: () => Promise<unknown>) {
    await page.locator('[data-test=product-page]').waitFor();
    const radios = page.locator('input[name=variant]');
    for (let i = 0; i < (await radios.count()); i++) {
      await radios.nth(i).check();
      const stock = await text('[data-test=product-stock]');
      const available = Number(/(\d+)/.exec(stock)?.[1] ?? 0);
      if (available >= units) {
        const price = await text('[data-test=product-price]');
        await beforeAdding?.();
        await page.click('[data-test=add-to-cart]');
        await page.locator('[data-test=cart-line]').first().waitFor();
        return euros(price);
      }
    }
    throw new Error(`no variant of this product has ${units} in stock`);
  }

  async function fillCheckout(holderName: string, card: typeof APPROVED_CARD) {
    await page.locator('[data-test=address-form]').waitFor();
    await page.fill('[data-test=email]', 'shopper@example.com');
    await page.fill('[data-test=name]', 'Ann Example');
    await page.fill('[data-test=line1]', 'Damrak 1');
    await page.fill('[data-test=postalCode]', '1012 LG');
    await page.fill('[data-test=city]', 'Amsterdam');
    await page.selectOption('[data-test=countryCode]', 'NL');
    await page.click('[data-test=save-address]');
    await page.locator('[data-test=shipping-methods] input:checked').waitFor();
    await page.locator('[data-test=pay]:enabled').waitFor();
    await page.fill('[data-test=cardNumber]', card.number);
    await page.fill('[data-test=expiry]', card.expiry);
    await page.fill('[data-test=cvc]', card.cvc);
    await page.fill('[data-test=holderName]', holderName);
  }

  it('browses, filters by a facet, buys with the approving card and shows the order PAID', async () => {
    await page.goto(storefront.url);
    await page.locator('[data-test=product-card]').first().waitFor();
    expect(await text('[data-test=result-count]')).toBe('24 products');
    await snap('01-listing');

    // A facet value that narrows the listing: its count is what the filtered listing shows.
    const values = page.locator('.facet-value:has([data-test^=facet-])');
    let chosen: { test: string; count: number } | undefined;
    for (let i = 0; i < (await values.count()) && !chosen; i++) {
      const count = Number(await values.nth(i).locator('[data-test=facet-count]').innerText());
      const test = await values.nth(i).locator('input').getAttribute('data-test');
      if (count > 1 && count < 24 && test) chosen = { test, count };
    }
    expect(chosen, 'a facet value that several, not all, products have').toBeDefined();
    await page.check(`[data-test="${chosen!.test}"]`);
    await drawn('f=');
    expect(await page.locator(`[data-test="${chosen!.test}"]`).isChecked()).toBe(true);
    expect(await text('[data-test=result-count]')).toBe(`${chosen!.count} products`);
    expect(await page.locator('[data-test=product-card]').count()).toBe(chosen!.count);
    await snap('02-filtered');

    await page.locator('[data-test=product-link]').first().click();
    await page.locator('[data-test=product-page]').waitFor();
    const unitPrice = await addVariantWithStock(2, () => snap('03-product'));

    await page.fill('[data-test=line-quantity]', '2');
    await page.locator('[data-test=line-quantity]').dispatchEvent('change');
    await page.locator(`[data-test=line-total]:text-is("${euroText(unitPrice * 2)}")`).waitFor();
    expect(await text('[data-test=subtotal]')).toBe(euroText(unitPrice * 2));
    expect(await text('#cart-count')).toBe('2');
    await snap('04-cart');

    await page.click('[data-test=to-checkout]');
    await fillCheckout('Ann Example', APPROVED_CARD);
    const total = await text('[data-test=total]');
    expect(euros(total)).toBeGreaterThanOrEqual(unitPrice * 2);
    await snap('05-checkout');

    await page.click('[data-test=pay]');
    await page.locator('[data-test=order-page]').waitFor();
    await page.locator('[data-test=order-status]:text-is("PAID")').waitFor();
    expect(await text('[data-test=order-total]')).toBe(total);
    expect(await text('#cart-count')).toBe('0');
    await snap('06-order-paid');

    // What the browser sent: Adyen's encrypted card fields, never a plain card number.
    expect(placeOrderBodies).toHaveLength(1);
    const sent = (placeOrderBodies[0]!.input as { paymentMethod: Record<string, string> })
      .paymentMethod;
    expect(Object.keys(sent).sort()).toEqual([
      'encryptedCardNumber',
      'encryptedExpiryMonth',
      'encryptedExpiryYear',
      'encryptedSecurityCode',
      'holderName',
      'type',
    ]);
    expect(sent.encryptedCardNumber).toBe('test_4111111145551142');
    const number = await text('[data-test=order-number]');
    const [order] = await shop.sql<Array<{ status: string }>>`
      select status from checkout.orders where number = ${number.replace(/^CG-/, '')}::bigint`;
    expect(order?.status).toBe('PAID');
  });

  it('shows the refusal reason when the card is refused', async () => {
    await page.goto(storefront.url);
    await page.locator('[data-test=product-link]').nth(1).click();
    await addVariantWithStock(1);
    await page.click('[data-test=to-checkout]');
    await fillCheckout('Ann Example', REFUSED_CARD);
    await page.click('[data-test=pay]');
    const error = page.locator('[data-test=payment-error]:visible');
    await error.waitFor();
    expect(await error.innerText()).toBe('Payment refused: Refused. Try another card.');
    await snap('07-refused');
    expect(await page.locator('[data-test=order-page]').count()).toBe(0);
  });

  it('wrote a screenshot of every step', async () => {
    expect((await readdir(SCREENSHOTS)).sort()).toEqual([
      '01-listing.png',
      '02-filtered.png',
      '03-product.png',
      '04-cart.png',
      '05-checkout.png',
      '06-order-paid.png',
      '07-refused.png',
    ]);
  });
});

/** `€29.99` -> 2999. */
function euros(shown: string): number {
  const match = /€([\d,]+)\.(\d{2})/.exec(shown);
  if (!match) throw new Error(`no euro amount in "${shown}"`);
  return Number(match[1]!.replace(/,/g, '')) * 100 + Number(match[2]);
}

function euroText(amount: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(
    amount / 100,
  );
}
