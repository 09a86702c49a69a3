// How much scale data `npm run db:seed:scale` makes: shared by the script
// (seed-scale.ts, which resolves the flags into sizes) and the statements
// that generate the rows (sql.ts).
export type ScaleSizes = {
  providers: number;
  resellers: number;
  customers: number;
  subscriptions: number;
  auditEvents: number;
  outbox: number;
};

export const DEFAULT_SIZES: ScaleSizes = {
  providers: 5,
  resellers: 10_000,
  customers: 100_000,
  subscriptions: 300_000,
  auditEvents: 1_000_000,
  outbox: 50_000,
};
