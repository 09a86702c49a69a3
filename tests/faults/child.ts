// A separate Node process the fault tests start and kill (SIGKILL): it runs
// one domain function against DATABASE_URL, as a portal, mail worker or
// webhook worker process would. Started with `node --conditions=react-server
// --import tsx` (the react-server condition makes `server-only` importable, as
// in scripts/mail-worker.ts). Input in PC_FAULT_INPUT (JSON); result on stdout.
import { disconnectDb } from '../../lib/db';

const mode = process.argv[2];
const input = JSON.parse(process.env.PC_FAULT_INPUT ?? '{}') as Record<string, unknown>;

/**
 * With PC_FAULT_GATED, loads everything first, says "ready" and waits for a
 * line on stdin (so a test times the work, not the start).
 */
async function gate(): Promise<void> {
  if (!process.env.PC_FAULT_GATED) return;
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
}

async function main(): Promise<unknown> {
  if (mode === 'order') {
    const { placeNewCustomerOrder } = await import('../../lib/orders/place-new-customer-order');
    const { db } = await import('../../lib/db');
    await db().$queryRaw`SELECT 1`; // connected, as a running portal would be
    await gate();
    const placed = await placeNewCustomerOrder(input.ctx as never, input.order as never);
    return { orderId: placed.orderId, replayed: placed.replayed };
  }
  if (mode === 'deliver') {
    const { deliverDueMessages } = await import('../../lib/email/deliver');
    await gate();
    const total = { sent: 0, failed: 0, retried: 0 };
    for (;;) {
      const r = await deliverDueMessages({ limit: Number(input.limit ?? 10) });
      total.sent += r.sent;
      total.failed += r.failed;
      total.retried += r.retried;
      if (r.sent + r.failed + r.retried === 0) return total;
    }
  }
  if (mode === 'webhooks') {
    const { deliverDueWebhooks } = await import('../../lib/webhooks/deliver');
    const { db } = await import('../../lib/db');
    await db().$queryRaw`SELECT 1`; // connected, as a running webhook worker would be
    await gate();
    const total = { delivered: 0, retried: 0, failed: 0 };
    for (;;) {
      const r = await deliverDueWebhooks({ limit: Number(input.limit ?? 10) });
      total.delivered += r.delivered;
      total.retried += r.retried;
      total.failed += r.failed;
      if (r.delivered + r.retried + r.failed === 0) return total;
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

try {
  process.stdout.write(`${JSON.stringify({ ok: true, result: await main() })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ ok: false, error: String((error as Error)?.constructor?.name) })}\n`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
