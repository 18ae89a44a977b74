/**
 * The deterministic demo catalog: the same categories, product types, attributes, products,
 * variants, prices, media, collections and stock on every machine, so README examples and tests
 * can name them. Generated from seeded PRNGs; product N is the same whatever the catalog's size.
 */

export type DemoCurrency = 'EUR' | 'USD' | 'GBP';
export type DemoAttributeKind = 'TEXT' | 'NUMBER' | 'BOOLEAN' | 'ENUM' | 'MULTI_ENUM';
/** A product's value of an attribute: TEXT a string, NUMBER a number, BOOLEAN a boolean, ENUM an option code, MULTI_ENUM option codes. */
export type DemoAttributeValue = string | number | boolean | string[];

export interface DemoCategory {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  /** Order among its siblings. */
  position: number;
}

export interface DemoAttribute {
  id: string;
  code: string;
  name: string;
  kind: DemoAttributeKind;
  filterable: boolean;
  position: number;
  /** The allowed options of an ENUM or MULTI_ENUM attribute, in display order. */
  values: Array<{ id: string; code: string; label: string }>;
}

export interface DemoProductType {
  id: string;
  code: string;
  name: string;
  /** Codes of the attributes its products carry, in order; `required` ones must have a value. */
  attributes: Array<{ code: string; required: boolean }>;
}

/** A base price (no schedule) in one currency, in minor units. */
export interface DemoPrice {
  currency: DemoCurrency;
  amount: number;
  /** The struck-through "was" price; above `amount` when set. */
  compareAtAmount: number | null;
}

export interface DemoVariant {
  id: string;
  sku: string;
  options: Array<{ name: string; value: string }>;
  /** The EUR base price (the same as `prices`' EUR entry). */
  priceAmount: number;
  currency: string;
  /** Base prices in every store currency, EUR first. */
  prices: DemoPrice[];
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
  productTypeCode: string;
  /** Values by attribute code. */
  attributes: Record<string, DemoAttributeValue>;
  media: Array<{ url: string; alt: string }>;
  seoTitle: string;
  seoDescription: string;
  status: 'PUBLISHED';
  /** The kitchen's products are REDUCED (see `REDUCED_LEAVES`), every other one STANDARD. */
  taxClass: 'STANDARD' | 'REDUCED';
  variants: DemoVariant[];
}

export interface DemoCollection {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** Product ids in the collection's manual order. */
  productIds: string[];
}

export interface DemoCatalog {
  categories: DemoCategory[];
  attributes: DemoAttribute[];
  productTypes: DemoProductType[];
  products: DemoProduct[];
  collections: DemoCollection[];
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

const HEX = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
const uuidChars: number[] = Array.from({ length: 36 }, () => DASH);

/** A version-4-shaped UUID from 32 draws of `random` (one per hex digit, as it always was). */
function uuidFrom(random: () => number): string {
  let at = 0;
  for (let i = 0; i < 32; i++) {
    let digit = Math.floor(random() * 16);
    if (i === 12) digit = 4;
    else if (i === 16) digit = (digit & 0x3) | 0x8;
    uuidChars[at++] = HEX[digit]!;
    if (i === 7 || i === 11 || i === 15 || i === 19) at++;
  }
  return String.fromCharCode(...uuidChars);
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

// What follows adds detail to the products above; it draws from its own PRNG stream, so the
// ids, names, SKUs, EUR prices and stock of the original generator stay exactly as they were.

const BRANDS = [
  'Northwind',
  'Fjell & Fold',
  'Kestrel',
  'Oak & Ash',
  'Saltmarsh',
  'Tidewater',
  'Lumen Works',
  'Bramblewood',
  'Ironbark',
  'Halcyon',
  'Drift Supply',
  'Wayfarer Co.',
];

/** The material attribute's option (code, label) and care text for each name's material word. */
const MATERIAL_DETAIL: Record<string, { code: string; label: string; care: string }> = {
  Cotton: {
    code: 'cotton',
    label: 'Cotton',
    care: 'Machine wash at 30 °C inside out; tumble dry low.',
  },
  Merino: {
    code: 'merino-wool',
    label: 'Merino wool',
    care: 'Hand wash cold or use a wool cycle; dry flat.',
  },
  Linen: { code: 'linen', label: 'Linen', care: 'Machine wash at 40 °C; iron while damp.' },
  Canvas: {
    code: 'canvas',
    label: 'Cotton canvas',
    care: 'Spot clean with a damp cloth; air dry.',
  },
  Recycled: {
    code: 'recycled-polyester',
    label: 'Recycled polyester',
    care: 'Machine wash at 30 °C; do not iron prints.',
  },
  Organic: {
    code: 'organic-cotton',
    label: 'Organic cotton',
    care: 'Machine wash at 30 °C; line dry.',
  },
  Waxed: {
    code: 'waxed-cotton',
    label: 'Waxed cotton',
    care: 'Do not wash; wipe clean and re-wax once a season.',
  },
  Tech: {
    code: 'nylon',
    label: 'Technical nylon',
    care: 'Machine wash at 30 °C with zips closed; no fabric softener.',
  },
};

/** Colour family (code, label) of each variant colour. */
const COLOUR_FAMILY: Record<string, { code: string; label: string }> = {
  Black: { code: 'black', label: 'Black' },
  White: { code: 'white', label: 'White' },
  Navy: { code: 'blue', label: 'Blue' },
  Olive: { code: 'green', label: 'Green' },
  Sand: { code: 'beige', label: 'Beige' },
  Rust: { code: 'orange', label: 'Orange' },
  Grey: { code: 'grey', label: 'Grey' },
  Forest: { code: 'green', label: 'Green' },
};

/** Weight range in grams per leaf category. */
const WEIGHT_GRAMS: Record<string, [number, number]> = {
  't-shirts': [140, 260],
  hoodies: [450, 800],
  jackets: [400, 1400],
  trousers: [350, 750],
  sneakers: [600, 1000],
  boots: [900, 1800],
  sandals: [250, 600],
  bags: [400, 1500],
  hats: [60, 180],
  socks: [50, 150],
  kitchen: [200, 500],
  textiles: [300, 2000],
};

/**
 * Leaf categories whose products carry the REDUCED VAT class. The demo sells no books or food,
 * so the kitchen (one leaf in twelve: products 11, 23, 35...) stands in for the goods a reduced
 * rate covers, and carts and orders in tests and demos mix two rates.
 */
const REDUCED_LEAVES = new Set(['kitchen']);

/** Chance that a product is waterproof, by material, and by leaf category for the rest. */
const WATERPROOF_MATERIALS = new Set(['Waxed', 'Tech']);
const WATERPROOF_LEAVES = new Set(['jackets', 'boots', 'bags', 'hats']);

/** One more sentence for a product's description, by top-level category. */
const CLOSING_LINES: Record<string, string[]> = {
  apparel: [
    'A relaxed fit that layers well.',
    'Cut for movement, with flat seams that do not rub.',
    'Pre-washed, so it keeps its shape and size.',
    'Reinforced where it wears first.',
  ],
  footwear: [
    'A cushioned footbed for long days on your feet.',
    'A grippy rubber sole that holds on wet stone.',
    'Resoleable, because good shoes should outlast their soles.',
  ],
  accessories: [
    'Sized to go from the commute to the weekend.',
    'Light enough to forget, tough enough to keep.',
    'Finished with brass hardware that ages well.',
  ],
  home: [
    'Built for daily use, and good looking enough to leave out.',
    'Made in small batches by a family workshop.',
    'A gift that gets used every day.',
  ],
};

const PRODUCT_TYPES: Array<{ code: string; name: string; top: string; attributes: string[] }> = [
  {
    code: 'apparel',
    name: 'Apparel',
    top: 'apparel',
    attributes: ['brand', 'material', 'colour-family', 'waterproof', 'weight-grams', 'care'],
  },
  {
    code: 'footwear',
    name: 'Footwear',
    top: 'footwear',
    attributes: ['brand', 'material', 'colour-family', 'waterproof', 'weight-grams', 'care'],
  },
  {
    code: 'accessory',
    name: 'Accessory',
    top: 'accessories',
    attributes: ['brand', 'material', 'colour-family', 'waterproof', 'weight-grams', 'care'],
  },
  {
    code: 'homeware',
    name: 'Homeware',
    top: 'home',
    attributes: ['brand', 'material', 'colour-family', 'weight-grams', 'care'],
  },
];
const REQUIRED_ATTRIBUTES = new Set(['brand', 'material']);

const uniqueBy = <T>(items: T[], key: (item: T) => string): T[] => [
  ...new Map(items.map((item) => [key(item), item])).values(),
];

/** The store's currencies with the factor a EUR price is converted by. */
const CONVERSION: Array<[DemoCurrency, number]> = [
  ['EUR', 1],
  ['USD', 1.09],
  ['GBP', 0.86],
];

/** A converted price rounded to the nearest whole unit, minus one cent (12.99); at least 0.99. */
const charmPrice = (amount: number) => Math.max(99, Math.round(amount / 100) * 100 - 1);

const COLLECTION_SIZE = 12;

/** Variant options, one shared list per size and colour. */
const optionLists = new Map<string, DemoVariant['options']>();
function optionsOf(size: string, colour: string): DemoVariant['options'] {
  const key = `${size}/${colour}`;
  let options = optionLists.get(key);
  if (!options) {
    options = [
      { name: 'size', value: size },
      { name: 'colour', value: colour },
    ];
    optionLists.set(key, options);
  }
  return options;
}

/** Builds the catalog: `productCount` products with four variants each. */
export function buildDemoCatalog(productCount = 1_000, seed = 20261125): DemoCatalog {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const detail = prng(seed ^ 0x5bd1e995);
  const pickDetail = <T>(list: readonly T[]): T => list[Math.floor(detail() * list.length)] as T;

  const categories: DemoCategory[] = [];
  const leaves: Array<{ category: DemoCategory; nouns: string[]; top: string }> = [];
  let topPosition = 0;
  for (const [top, children] of Object.entries(TREE)) {
    const parent = {
      id: uuidFrom(random),
      slug: slugify(top),
      name: top,
      parentId: null,
      position: topPosition++,
    };
    categories.push(parent);
    let childPosition = 0;
    for (const [child, nouns] of Object.entries(children)) {
      const category = {
        id: uuidFrom(random),
        slug: slugify(child),
        name: child,
        parentId: parent.id,
        position: childPosition++,
      };
      categories.push(category);
      leaves.push({ category, nouns, top: parent.slug });
    }
  }

  const option = (value: { code: string; label: string }) => ({
    id: uuidFrom(detail),
    code: value.code,
    label: value.label,
  });
  const attributes: DemoAttribute[] = [
    {
      code: 'brand',
      name: 'Brand',
      kind: 'ENUM' as const,
      filterable: true,
      values: BRANDS.map((label) => option({ code: slugify(label), label })),
    },
    {
      code: 'material',
      name: 'Material',
      kind: 'ENUM' as const,
      filterable: true,
      values: Object.values(MATERIAL_DETAIL).map(option),
    },
    {
      code: 'colour-family',
      name: 'Colour family',
      kind: 'MULTI_ENUM' as const,
      filterable: true,
      values: uniqueBy(Object.values(COLOUR_FAMILY), (c) => c.code).map(option),
    },
    {
      code: 'waterproof',
      name: 'Waterproof',
      kind: 'BOOLEAN' as const,
      filterable: true,
      values: [],
    },
    {
      code: 'weight-grams',
      name: 'Weight (g)',
      kind: 'NUMBER' as const,
      filterable: false,
      values: [],
    },
    { code: 'care', name: 'Care', kind: 'TEXT' as const, filterable: false, values: [] },
  ].map((attribute, position) => ({ id: uuidFrom(detail), position, ...attribute }));
  const productTypes: DemoProductType[] = PRODUCT_TYPES.map((type) => ({
    id: uuidFrom(detail),
    code: type.code,
    name: type.name,
    attributes: type.attributes.map((code) => ({ code, required: REQUIRED_ATTRIBUTES.has(code) })),
  }));
  const typeOfTop = new Map(PRODUCT_TYPES.map((type) => [type.top, type]));
  const collectionIds = Array.from({ length: 3 }, () => uuidFrom(detail));

  const products: DemoProduct[] = [];
  for (let i = 0; i < productCount; i++) {
    const leaf = leaves[i % leaves.length] as (typeof leaves)[number];
    const adjective = pick(ADJECTIVES);
    const materialWord = pick(MATERIALS);
    const name = `${adjective} ${materialWord} ${pick(leaf.nouns)}`;
    const number = String(i + 1).padStart(4, '0');
    const basePrice = (Math.floor(random() * 180) + 10) * 100 - 1; // 9.99 .. 189.99
    const first = pick(COLOURS);
    const colours = [first, pick(COLOURS.filter((c) => c !== first))];
    const sizes = SIZES.slice(1, 5);
    // About one product in seven is on sale: its base prices carry a higher "was" price.
    const saleFactor = detail() < 0.15 ? 1.2 + Math.floor(detail() * 4) / 10 : null;
    // Variants of one price share their price list (100,000 products stay in memory).
    const priceLists = new Map<number, DemoPrice[]>();
    const pricesOf = (priceAmount: number) => {
      let list = priceLists.get(priceAmount);
      if (!list) {
        list = CONVERSION.map(([currency, factor]) => {
          const amount = currency === 'EUR' ? priceAmount : charmPrice(priceAmount * factor);
          return {
            currency,
            amount,
            compareAtAmount: saleFactor ? charmPrice(amount * saleFactor) : null,
          };
        });
        priceLists.set(priceAmount, list);
      }
      return list;
    };
    const variants: DemoVariant[] = sizes.map((size, position) => {
      const colour = colours[position % colours.length] as string;
      const priceAmount = basePrice + (size === 'XL' ? 500 : 0);
      return {
        id: uuidFrom(random),
        sku: `CG-${number}-${colour.slice(0, 3).toUpperCase()}-${size}`,
        options: optionsOf(size, colour),
        priceAmount,
        currency: 'EUR',
        prices: pricesOf(priceAmount),
        position,
        // Roughly one variant in twelve is sold out everywhere.
        stock: Object.fromEntries(
          WAREHOUSES.map((w) => [w.code, random() < 0.3 ? 0 : Math.floor(random() * 40) + 1]),
        ),
      };
    });

    const slug = `${slugify(name)}-${number}`;
    const brand = pickDetail(BRANDS);
    const material = MATERIAL_DETAIL[materialWord]!;
    const leafSlug = leaf.category.slug;
    const type = typeOfTop.get(leaf.top)!;
    const waterproof = WATERPROOF_MATERIALS.has(materialWord)
      ? detail() < 0.85
      : WATERPROOF_LEAVES.has(leafSlug) && detail() < 0.3;
    const [lightest, heaviest] = WEIGHT_GRAMS[leafSlug]!;
    const weight = Math.round((lightest + detail() * (heaviest - lightest)) / 10) * 10;
    const closing = pickDetail(CLOSING_LINES[leaf.top]!);
    const [colourA, colourB] = colours as [string, string];
    const productAttributes: Record<string, DemoAttributeValue> = {
      brand: slugify(brand),
      material: material.code,
      'colour-family': [...new Set(colours.map((c) => COLOUR_FAMILY[c]!.code))],
      'weight-grams': weight,
      care: leafSlug === 'kitchen' ? 'Dishwasher safe; not for the microwave.' : material.care,
    };
    if (type.attributes.includes('waterproof')) productAttributes.waterproof = waterproof;
    products.push({
      id: uuidFrom(random),
      slug,
      name,
      description:
        `The ${name.toLowerCase()}, made to last. Item ${number} of the demo catalog. ` +
        `${brand} makes it in ${material.label.toLowerCase()}${waterproof ? ', sealed against the rain' : ''}, ` +
        `in ${colourA.toLowerCase()} and ${colourB.toLowerCase()}. ${closing}`,
      categoryId: leaf.category.id,
      productTypeCode: type.code,
      attributes: productAttributes,
      media: colours.map((colour, position) => ({
        url: `https://images.example.com/catalog/${slug}/${slugify(colour)}-${position + 1}.jpg`,
        alt: `${name} in ${colour.toLowerCase()}`,
      })),
      seoTitle: `${name} by ${brand}`,
      seoDescription: `${name} by ${brand} in ${material.label.toLowerCase()}, sizes S to XL. ${closing}`,
      status: 'PUBLISHED',
      taxClass: REDUCED_LEAVES.has(leafSlug) ? 'REDUCED' : 'STANDARD',
      variants,
    });
  }

  const lowestEur = (p: DemoProduct) => Math.min(...p.variants.map((v) => v.priceAmount));
  const collections: DemoCollection[] = [
    {
      id: collectionIds[0]!,
      slug: 'new-arrivals',
      name: 'New arrivals',
      description: 'The latest additions to the catalog, newest first.',
      productIds: products
        .slice(-COLLECTION_SIZE)
        .reverse()
        .map((p) => p.id),
    },
    {
      id: collectionIds[1]!,
      slug: 'rainy-days',
      name: 'Rainy days',
      description: 'Waterproof jackets, boots, bags and hats for the wet season.',
      productIds: products
        .filter((p) => p.attributes.waterproof === true)
        .slice(0, COLLECTION_SIZE)
        .map((p) => p.id),
    },
    {
      id: collectionIds[2]!,
      slug: 'gifts-under-50',
      name: 'Gifts under €50',
      description: 'Small things that make a good present.',
      productIds: products
        .filter(
          (p) =>
            (p.productTypeCode === 'accessory' || p.productTypeCode === 'homeware') &&
            lowestEur(p) < 5_000,
        )
        .slice(0, COLLECTION_SIZE)
        .map((p) => p.id),
    },
  ];

  return { categories, attributes, productTypes, products, collections, warehouses: WAREHOUSES };
}
