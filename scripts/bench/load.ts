// Load with autocannon: N connections for D seconds on one page, the session
// cookie on every request. Latency percentiles from every response.
import autocannon from 'autocannon';
import { percentile } from './stats';

export type LoadResult = {
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  timeouts: number;
};

export async function loadPage(base: string, path: string, cookie: string | null, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${base}${path}`, connections, duration: seconds, headers: cookie ? { cookie } : {}, timeout: 30 },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const requests = result.requests.total;
  return {
    path,
    connections,
    seconds,
    requests,
    requestsPerSecond: requests / seconds,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] ?? Number.NaN },
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}
