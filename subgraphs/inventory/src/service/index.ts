import type { OutboxRelay } from '@commerce-graph/events';
import type { Logger } from '@commerce-graph/kit';
import type { InventoryDb } from '../db/client.ts';
import type { CheckoutClient } from '../upstream.ts';
import { LedgerService } from './ledger.service.ts';
import { ReservationService } from './reservation.service.ts';
import { SettingsService } from './settings.service.ts';
import { SoldOutMarkers } from './sold-out.ts';
import { StockService } from './stock.service.ts';

export { assertMayChangeStock } from './access.ts';
export { LedgerService, ReservationService, SettingsService, SoldOutMarkers, StockService };

/** The services of the inventory subgraph, one per aggregate, sharing one database pool. */
export interface InventoryServices {
  stock: StockService;
  reservations: ReservationService;
  ledger: LedgerService;
  settings: SettingsService;
  markers: SoldOutMarkers;
}

/** Builds every service over one pool; the sold-out markers are shared by this process. */
export function createServices(deps: {
  db: InventoryDb;
  relay?: OutboxRelay;
  logger?: Logger;
  reservationTtlMs?: number;
  checkout?: CheckoutClient;
  scheduleExpiry?: (orderId: string, delayMs: number) => Promise<void>;
  markers?: SoldOutMarkers;
}): InventoryServices {
  const markers = deps.markers ?? new SoldOutMarkers();
  return {
    stock: new StockService(deps),
    reservations: new ReservationService({ ...deps, markers }),
    ledger: new LedgerService(deps.db),
    settings: new SettingsService(deps),
    markers,
  };
}
