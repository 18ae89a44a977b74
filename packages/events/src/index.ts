export * from './contracts.ts';
export * from './outbox.ts';
export * from './bus.ts';
export * from './audit.ts';
export * from './dead-letters.ts';
export * from './metrics.ts';
export * from './event-worker.ts';
