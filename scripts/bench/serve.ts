// One production server for `npm run bench`, started by scripts/bench/run.ts
// in its own process group. Environment: BENCH_PORT, DATABASE_URL (or
// BENCH_EMBEDDED_DIR and BENCH_EMBEDDED_PORT: start the embedded PostgreSQL on that data folder in
// this process, as `npm start` does), NEXTAUTH_SECRET, PC_BENCH=1.
import { startEmbeddedPostgres } from '../db/embedded';
import { onStop, serveNext } from '../lib/serve';

const port = Number(process.env.BENCH_PORT);
let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
if (process.env.BENCH_EMBEDDED_DIR) {
  embedded = await startEmbeddedPostgres({
    dataDir: process.env.BENCH_EMBEDDED_DIR,
    port: Number(process.env.BENCH_EMBEDDED_PORT),
  });
  process.env.DATABASE_URL = embedded.url;
  process.env.DATABASE_POOL_MAX = String(embedded.maxConnections);
}
const served = await serveNext({ dev: false, port, hostname: '127.0.0.1' });
onStop(async () => {
  await served.close();
  await embedded?.stop();
});
console.log(`bench server ready on ${port}`);
