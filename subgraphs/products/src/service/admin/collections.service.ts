import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { anyOf, isUuid, requirePermission } from '@commerce-graph/kit';
import type {
  CreateCollectionInput,
  UpdateCollectionInput,
} from '../../__generated__/resolvers-types.ts';
import { collectionProducts, collections, products } from '../../db/schema.ts';
import { refuse, type CollectionResult } from './catalog-errors.ts';
import { checkInput } from './catalog-input.ts';
import { catalogWrite, givenFields, type AdminCaller, type AdminDeps } from './shared.ts';

/** Staff's collections: their fields, publish state and products. */
export class AdminCollectionsService {
  constructor(readonly deps: AdminDeps) {}

  /** A new DRAFT collection without products. */
  async createCollection(
    caller: AdminCaller,
    input: CreateCollectionInput,
  ): Promise<CollectionResult> {
    requirePermission(caller.actor, 'catalog:write');
    const parsed = checkInput.createCollection(input);
    if (!parsed.ok) return parsed.error;
    const c = parsed.value;
    return catalogWrite<CollectionResult>(
      this.deps,
      caller,
      'createCollection',
      async (tx) => {
        const now = this.deps.now();
        const [row] = await tx
          .insert(collections)
          .values({
            id: randomUUID(),
            slug: c.slug,
            name: c.name,
            description: c.description,
            status: 'DRAFT',
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        return {
          result: { __typename: 'Collection', ...row! },
          target: { type: 'Collection', id: row!.id },
          details: { slug: c.slug, name: c.name },
          reindex: [],
        };
      },
      { collections_slug_unique: () => refuse.slugTaken(c.slug, 'collection') },
    );
  }

  /** Changes a collection's slug, name, description or publish state. */
  async updateCollection(
    caller: AdminCaller,
    id: string,
    input: UpdateCollectionInput,
  ): Promise<CollectionResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.collectionNotFound(id);
    const parsed = checkInput.updateCollection(input);
    if (!parsed.ok) return parsed.error;
    const u = parsed.value;
    return catalogWrite<CollectionResult>(
      this.deps,
      caller,
      'updateCollection',
      async (tx, stop) => {
        const [row] = await tx
          .update(collections)
          .set({
            updatedAt: this.deps.now(),
            ...(u.slug !== undefined ? { slug: u.slug } : {}),
            ...(u.name !== undefined ? { name: u.name } : {}),
            ...(u.description !== undefined ? { description: u.description } : {}),
            ...(u.status !== undefined ? { status: u.status } : {}),
          })
          .where(eq(collections.id, id))
          .returning();
        if (!row) return stop(refuse.collectionNotFound(id));
        return {
          result: { __typename: 'Collection', ...row },
          target: { type: 'Collection', id },
          details: { fields: givenFields(input), status: row.status },
          reindex: [],
        };
      },
      { collections_slug_unique: () => refuse.slugTaken(u.slug ?? '', 'collection') },
    );
  }

  /**
   * Replaces a collection's products with these, in this order. Products of any publish state
   * may be listed (the storefront shows the published ones); an unknown or malformed id is
   * ProductNotFound and changes nothing.
   */
  async setCollectionProducts(
    caller: AdminCaller,
    id: string,
    productIds: readonly string[],
  ): Promise<CollectionResult> {
    requirePermission(caller.actor, 'catalog:write');
    if (!isUuid(id)) return refuse.collectionNotFound(id);
    const parsed = checkInput.collectionProducts(productIds);
    if (!parsed.ok) return parsed.error;
    const malformed = productIds.find((productId) => !isUuid(productId));
    if (malformed !== undefined) return refuse.productNotFound(malformed);
    const ids = productIds.map((productId) => productId.toLowerCase());
    return catalogWrite<CollectionResult>(
      this.deps,
      caller,
      'setCollectionProducts',
      async (tx, stop) => {
        const [collection] = await tx
          .select()
          .from(collections)
          .where(eq(collections.id, id))
          .for('update');
        if (!collection) return stop(refuse.collectionNotFound(id));
        const known = new Set(
          ids.length > 0
            ? (
                await tx
                  .select({ id: products.id })
                  .from(products)
                  .where(anyOf(products.id, ids))
                  .for('share')
              ).map((row) => row.id)
            : [],
        );
        const unknown = ids.find((productId) => !known.has(productId));
        if (unknown !== undefined) return stop(refuse.productNotFound(unknown));
        const removed = await tx
          .delete(collectionProducts)
          .where(eq(collectionProducts.collectionId, id))
          .returning({ productId: collectionProducts.productId });
        if (ids.length > 0) {
          await tx
            .insert(collectionProducts)
            .values(ids.map((productId, position) => ({ collectionId: id, productId, position })));
        }
        const [row] = await tx
          .update(collections)
          .set({ updatedAt: this.deps.now() })
          .where(eq(collections.id, id))
          .returning();
        return {
          result: { __typename: 'Collection', ...row! },
          target: { type: 'Collection', id },
          details: { products: ids.length },
          reindex: [...removed.map((r) => r.productId), ...ids],
        };
      },
    );
  }
}
