import 'server-only';
import { readFileSync } from 'node:fs';
import { pool } from '@/lib/db';
import { readEnv } from '@/lib/env/schema';

// `npm run bench` only: the API lists' own statements, which the API floor
// (app/api/bench-floor) runs on `?benchSql=<name>`. The bench writes them to
// the file PC_BENCH_SQL names (scripts/bench/run.ts, measureApi), each the
// statement it times as raw SQL, before the first such request.

type Statement = { text: string; values: unknown[] };
let statements: Record<string, Statement> | null = null;

/** Runs one of the bench's statements as the one-off the bench times (parsed and planned each time). */
export async function runBenchStatement(name: string): Promise<void> {
  const file = readEnv('PC_BENCH_SQL');
  if (!readEnv('PC_BENCH') || !file) throw new Error('PC_BENCH and PC_BENCH_SQL are not set');
  statements ??= JSON.parse(readFileSync(file, 'utf8')) as Record<string, Statement>;
  const statement = statements[name];
  if (!statement) throw new Error(`No bench statement ${name}`);
  await pool().query(statement.text, statement.values);
}
