import { startLocalRuntime } from '../infra/local/local-runtime.js';

type Call = { command: string; read: number; write: number; detail: Record<string, number> };
let calls: Call[] | undefined;

const main = async () => {
  const runtime = await startLocalRuntime({ seed: true, quiet: true });
  const { documentClient } = await import('../lib/db/client.js');
  const original = documentClient.send;
  (documentClient as { send: unknown }).send = async (command: { input: Record<string, unknown>; constructor: { name: string } }, ...rest: unknown[]) => {
    if (calls) command.input.ReturnConsumedCapacity = 'INDEXES';
    const out = (await (original as (...a: unknown[]) => Promise<Record<string, unknown>>)(command, ...rest)) as Record<string, unknown>;
    if (calls) {
      const raw = out.ConsumedCapacity;
      const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Record<string, any>[];
      const detail: Record<string, number> = {};
      let total = 0;
      for (const c of list) {
        total += c.CapacityUnits ?? 0;
        if (c.Table) detail.table = (detail.table ?? 0) + (c.Table.CapacityUnits ?? 0);
        for (const [k, v] of Object.entries(c.GlobalSecondaryIndexes ?? {})) detail[k] = (detail[k] ?? 0) + ((v as any).CapacityUnits ?? 0);
      }
      const name = command.constructor.name;
      const isRead = /^(Get|BatchGet|Query|TransactGet)/.test(name);
      calls.push({ command: name, read: isRead ? total : 0, write: isRead ? 0 : total, detail });
    }
    return out;
  };
  const admin = await runtime.signToken({ role: 'admin', username: 'ada-admin' });
  const call = async (label: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    calls = [];
    const res = await fetch(`${runtime.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const c = calls;
    calls = undefined;
    const read = c.reduce((s, x) => s + x.read, 0);
    const write = c.reduce((s, x) => s + x.write, 0);
    console.log(`${label.padEnd(28)} ${res.status} R ${read} W ${write}  ${c.map((x) => `${x.command.replace('Command', '')}:${x.read || x.write}${Object.keys(x.detail).length > 1 ? JSON.stringify(x.detail) : ''}`).join(' ')}`);
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  await call('warm GET order', 'GET', '/orders/or_demo_syd_pending');
  const placed = await call('POST /orders 2 lines+cust', 'POST', '/orders', { storeId: 'st_syd_cbd', channel: 'in_store', customerId: 'cu_mia_chen', lines: [{ sku: 'ACU-OAS-2W-BC84-M125', quantity: 2 }, { sku: 'ALC-OFPM-300', quantity: 1 }] }, { 'idempotency-key': `k-${Date.now()}` });
  const id = placed.json.orderId;
  const total = placed.json.total;
  await call('payment part', 'POST', `/orders/${id}/payments`, { method: 'card', amount: 1000 });
  await call('payment final', 'POST', `/orders/${id}/payments`, { method: 'card', amount: total - 1000 });
  await call('adjustment', 'POST', '/stores/st_syd_cbd/inventory/BLK-CONT-10/adjustments', { delta: 12, reason: 'received', note: 'x' });
  await call('GET /orders/{id}', 'GET', `/orders/${id}`);
  await call('list store orders status', 'GET', '/stores/st_syd_cbd/orders?status=PENDING_PAYMENT&limit=10');
  await call('list store orders', 'GET', '/stores/st_syd_cbd/orders?limit=10');
  await call('list customer orders', 'GET', '/customers/cu_mia_chen/orders?limit=10');
  await call('list orders (finance)', 'GET', '/orders?status=PAID&limit=10');
  await call('product inventory', 'GET', '/products/pr_demo/inventory');
  await runtime.stop();
};
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
