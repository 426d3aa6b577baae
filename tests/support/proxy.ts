// A TCP proxy between the app and PostgreSQL that a test can switch: pass traffic, freeze it (connections stay
// open but nothing gets through, like a hung server), or cut it (every connection dropped and refused, like a
// server that was killed). The app never knows.
import net from 'node:net';

export type ProxyMode = 'pass' | 'freeze' | 'down';

export async function startProxy(target: { host: string; port: number }) {
  let mode: ProxyMode = 'pass';
  const pairs = new Set<{ client: net.Socket; server: net.Socket }>();
  const proxy = net.createServer((client) => {
    if (mode === 'down') return client.destroy();
    const server = net.connect(target.port, target.host);
    const pair = { client, server };
    pairs.add(pair);
    const drop = () => {
      client.destroy();
      server.destroy();
      pairs.delete(pair);
    };
    client.on('error', drop).on('close', drop);
    server.on('error', drop).on('close', drop);
    client.on('data', (chunk) => mode === 'pass' && server.write(chunk));
    server.on('data', (chunk) => mode === 'pass' && client.write(chunk));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as net.AddressInfo).port,
    set(next: ProxyMode) {
      mode = next;
      if (next === 'down') for (const { client, server } of pairs) client.destroy(), server.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { client, server } of pairs) client.destroy(), server.destroy();
        proxy.close(() => resolve());
      }),
  };
}
