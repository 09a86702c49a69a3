// Load with autocannon: N connections on a page in turns with the floor, the
// session cookie (or a Partner API app's bearer token) on every request.
// Latency percentiles from every response.
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

type Slice = {
  path: string;
  connections: number;
  seconds: number;
  latencies: number[];
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
};

/** Several runs of one page as one result: requests and errors added up, percentiles over every response. */
function combine(slices: Slice[]): LoadResult {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const requests = slices.reduce((sum, s) => sum + s.requests, 0);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  return {
    path: slices[0]!.path,
    connections: slices[0]!.connections,
    seconds,
    requests,
    requestsPerSecond: requests / seconds,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? Number.NaN,
    },
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    non2xx: slices.reduce((sum, s) => sum + s.non2xx, 0),
    timeouts: slices.reduce((sum, s) => sum + s.timeouts, 0),
  };
}

/**
 * A page to load: on the portal's server, or on another (the bare Next.js
 * page's); `authorization` (e.g. `Bearer …`) is sent besides the cookie when given.
 */
export type Target = { base: string; path: string; cookie: string | null; authorization?: string };

/**
 * Pages loaded in turns (`slices` runs of each, `seconds` in all for each):
 * all see the machine as it is during those seconds, so its drifts and
 * hiccups fall on every side of their ratios. `between` runs after every run
 * (the caller lets the server finish its backlog there).
 */
export async function loadInTurns(
  targets: Target[],
  opts: { connections: number; seconds: number; slices: number; between: () => Promise<void> },
): Promise<LoadResult[]> {
  const slices: Slice[][] = targets.map(() => []);
  const each = opts.seconds / opts.slices;
  for (let i = 0; i < opts.slices; i++) {
    // Rotate which goes first, so none always follows another's backlog.
    for (let k = 0; k < targets.length; k++) {
      const t = (i + k) % targets.length;
      const target = targets[t]!;
      slices[t]!.push(await loadOnce(target, opts.connections, each));
      await opts.between();
    }
  }
  return slices.map(combine);
}

/** A page and its floor on one server, loaded in turns (loadInTurns). */
export async function loadBeside(
  base: string,
  page: { path: string; cookie: string | null },
  floor: { path: string; cookie: string | null },
  opts: { connections: number; seconds: number; slices: number; between: () => Promise<void> },
): Promise<{ page: LoadResult; floor: LoadResult }> {
  const [pageResult, floorResult] = await loadInTurns(
    [
      { base, ...page },
      { base, ...floor },
    ],
    opts,
  );
  return { page: pageResult!, floor: floorResult! };
}

async function loadOnce(target: Target, connections: number, seconds: number): Promise<Slice> {
  const { base, path, cookie, authorization } = target;
  const headers: Record<string, string> = {
    ...(cookie ? { cookie } : {}),
    ...(authorization ? { authorization } : {}),
  };
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${base}${path}`, connections, duration: seconds, headers, timeout: 30 },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  return {
    path,
    connections,
    seconds,
    latencies,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}
