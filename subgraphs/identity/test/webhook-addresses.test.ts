import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  isPublicAddress,
  publicOnlyAgent,
  webhookUrlProblem,
} from '../src/service/webhook.service.ts';

describe('webhook receivers in production (SSRF)', () => {
  it('tells public addresses from private, local and special ones', () => {
    for (const address of ['93.184.216.34', '2606:4700::6810:85e5']) {
      expect(isPublicAddress(address)).toBe(true);
    }
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      'not an address',
    ]) {
      expect(isPublicAddress(address)).toBe(false);
    }
  });

  it('refuses a URL naming a private address, and http, in production', () => {
    expect(webhookUrlProblem('https://10.0.0.5/hook', true)).toMatch(/public address/);
    expect(webhookUrlProblem('https://[::1]/hook', true)).toMatch(/public address/);
    expect(webhookUrlProblem('http://localhost:8080/hook', true)).toMatch(/https/);
    expect(webhookUrlProblem('https://partner.example/hook', true)).toBeNull();
    // Outside production, tests and developers post to their own machine.
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', false)).toBeNull();
  });

  it('does not connect to a name that resolves to a private address at delivery time', async () => {
    const server = createServer((_, res) => res.end('reached'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = publicOnlyAgent();
    try {
      // `localhost` resolves to loopback: the guarded agent refuses to connect.
      await expect(fetch(`http://localhost:${port}/`, { dispatcher: agent })).rejects.toThrow();
      // The same server is reachable without the guard (the refusal is the guard's).
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('reached');
    } finally {
      await agent.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
