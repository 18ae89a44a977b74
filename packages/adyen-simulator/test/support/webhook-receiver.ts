import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Notification, NotificationRequestItem } from '../../src/index.ts';

/** What one webhook POST looked like when it reached the receiver. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: Notification;
  answeredWith: number;
}

/** A throwaway HTTP endpoint standing in for the checkout service's webhook route. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Every notification item from every request, in arrival order. */
  items(): NotificationRequestItem[];
  close(): Promise<void>;
}

/**
 * Starts a receiver that answers with `statuses` in turn (then 200), replying `[accepted]` on
 * 2xx as Adyen expects.
 */
export async function startWebhookReceiver(statuses: number[] = []): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const pending = [...statuses];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = pending.shift() ?? 200;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Notification;
      received.push({ headers: req.headers, body, answeredWith: status });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status >= 200 && status < 300 ? '[accepted]' : 'temporarily broken');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/adyen`,
    received,
    items: () =>
      received.flatMap((webhook) =>
        webhook.body.notificationItems.map((entry) => entry.NotificationRequestItem),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
