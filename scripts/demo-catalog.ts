/**
 * The deterministic demo catalog: the same categories, products, variants, prices and stock on
 * every machine, so README examples and tests can name them. Generated from a seeded PRNG.
 */

export interface DemoCategory {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
}

export interface DemoVariant {
  id: string;
  sku: string;
  options: Array<{ name: string; value: string }>;
  priceAmount: number;
  currency: string;
  position: number;
  /** Units on hand per warehouse code. */
  stock: Record<string, number>;
}

export interface DemoProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  categoryId: string;
  variants: DemoVariant[];
}

export interface DemoCatalog {
  categories: DemoCategory[];
  products: DemoProduct[];
  warehouses: Array<{ code: string; name: string }>;
}

/** mulberry32: tiny, fast and good enough for demo data; never for anything secret. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');

const TREE: Record<string, Record<string, string[]>> = {
  Apparel: {
    'T-Shirts': ['Tee', 'Polo', 'Henley'],
    Hoodies: ['Hoodie', 'Zip Hoodie', 'Sweatshirt'],
    Jackets: ['Jacket', 'Parka', 'Windbreaker'],
    Trousers: ['Chinos', 'Joggers', 'Jeans'],
  },
  Footwear: {
    Sneakers: ['Sneaker', 'Runner', 'Court Shoe'],
    Boots: ['Boot', 'Chelsea Boot', 'Hiking Boot'],
    Sandals: ['Sandal', 'Slide'],
  },
  Accessories: {
    Bags: ['Backpack', 'Tote', 'Duffel'],
    Hats: ['Cap', 'Beanie', 'Bucket Hat'],
    Socks: ['Sock Pack', 'Trail Sock'],
  },
  Home: {
    Kitchen: ['Mug', 'Tumbler', 'Bottle'],
    Textiles: ['Blanket', 'Cushion', 'Towel'],
  },
};

const ADJECTIVES = [
  'Classic',
  'Everyday',
  'Alpine',
  'Urban',
  'Coastal',
  'Heritage',
  'Featherweight',
  'Rugged',
  'Studio',
  'Nordic',
  'Vintage',
  'Essential',
  'Trail',
  'Harbor',
  'Summit',
  'Canyon',
];
const MATERIALS = ['Cotton', 'Merino', 'Linen', 'Canvas', 'Recycled', 'Organic', 'Waxed', 'Tech'];
const COLOURS = ['Black', 'White', 'Navy', 'Olive', 'Sand', 'Rust', 'Grey', 'Forest'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL'];

export const WAREHOUSES = [
  { code: 'AMS', name: 'Amsterdam fulfilment centre' },
  { code: 'BER', name: 'Berlin fulfilment centre' },
];

/** Builds the catalog: `productCount` products with four variants each. */
export function buildDemoCatalog(productCount = 1_000, seed = 20261125): DemoCatalog {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const categories: DemoCategory[] = [];
  const leaves: Array<{ category: DemoCategory; nouns: string[] }> = [];
  for (const [top, children] of Object.entries(TREE)) {
    const parent = { id: uuidFrom(random), slug: slugify(top), name: top, parentId: null };
    categories.push(parent);
    for (const [child, nouns] of Object.entries(children)) {
      const category = {
        id: uuidFrom(random),
        slug: slugify(child),
        name: child,
        parentId: parent.id,
      };
      categories.push(category);
      leaves.push({ category, nouns });
    }
  }

  const products: DemoProduct[] = [];
  for (let i = 0; i < productCount; i++) {
    const leaf = leaves[i % leaves.length] as (typeof leaves)[number];
    const name = `${pick(ADJECTIVES)} ${pick(MATERIALS)} ${pick(leaf.nouns)}`;
    const number = String(i + 1).padStart(4, '0');
    const basePrice = (Math.floor(random() * 180) + 10) * 100 - 1; // 9.99 .. 189.99
    const first = pick(COLOURS);
    const colours = [first, pick(COLOURS.filter((c) => c !== first))];
    const sizes = SIZES.slice(1, 5);
    const variants: DemoVariant[] = sizes.map((size, position) => {
      const colour = colours[position % colours.length] as string;
      return {
        id: uuidFrom(random),
        sku: `CG-${number}-${colour.slice(0, 3).toUpperCase()}-${size}`,
        options: [
          { name: 'size', value: size },
          { name: 'colour', value: colour },
        ],
        priceAmount: basePrice + (size === 'XL' ? 500 : 0),
        currency: 'EUR',
        position,
        // Roughly one variant in twelve is sold out everywhere.
        stock: Object.fromEntries(
          WAREHOUSES.map((w) => [w.code, random() < 0.3 ? 0 : Math.floor(random() * 40) + 1]),
        ),
      };
    });
    products.push({
      id: uuidFrom(random),
      slug: `${slugify(name)}-${number}`,
      name,
      description: `The ${name.toLowerCase()}, made to last. Item ${number} of the demo catalog.`,
      categoryId: leaf.category.id,
      variants,
    });
  }
  return { categories, products, warehouses: WAREHOUSES };
}
