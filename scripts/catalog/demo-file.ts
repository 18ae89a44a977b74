/**
 * The demo catalog as an import file: `pnpm catalog:import --generate N FILE` writes the first N
 * products of scripts/demo-catalog.ts as JSON Lines, the format import.ts reads. Importing it
 * into a database seeded with fewer demo products leaves those unchanged and adds the rest.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { buildDemoCatalog, type DemoCatalog, type DemoProduct } from '../demo-catalog.ts';
import type { CatalogRowInput } from './row.ts';

/** One import row per demo product, in catalog order. */
export function* demoRows(catalog: DemoCatalog): Generator<CatalogRowInput> {
  const byId = new Map(catalog.categories.map((c) => [c.id, c]));
  const pathOf = (id: string): string => {
    const category = byId.get(id)!;
    return category.parentId ? `${pathOf(category.parentId)}/${category.slug}` : category.slug;
  };
  const paths = new Map(catalog.categories.map((c) => [c.id, pathOf(c.id)]));
  for (const product of catalog.products) yield demoRow(product, paths.get(product.categoryId)!);
}

function demoRow(product: DemoProduct, category: string): CatalogRowInput {
  return {
    slug: product.slug,
    name: product.name,
    description: product.description,
    category,
    productType: product.productTypeCode,
    attributes: product.attributes,
    media: product.media,
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    status: product.status,
    taxClass: product.taxClass,
    variants: product.variants.map((v) => {
      const onSale = v.prices.flatMap((p) =>
        p.compareAtAmount !== null ? [[p.currency, p.compareAtAmount] as const] : [],
      );
      return {
        sku: v.sku,
        options: Object.fromEntries(v.options.map((o) => [o.name, o.value])),
        prices: Object.fromEntries(v.prices.map((p) => [p.currency, p.amount])),
        ...(onSale.length > 0 ? { compareAt: Object.fromEntries(onSale) } : {}),
      };
    }),
  };
}

/** Writes the first `productCount` demo products to `file`, one JSON object a line. */
export async function writeDemoFile(file: string, productCount: number): Promise<void> {
  const out = createWriteStream(file);
  const failed = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined); // raced below; never an unhandled rejection
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  let chunk = '';
  for (const row of demoRows(buildDemoCatalog(productCount))) {
    chunk += `${JSON.stringify(row)}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
