// Prints the configured per-account sign-in limit as JSON, so the scale-out
// test reads it from lib/rate-limit rather than repeating a number. Run with
// `node --conditions=react-server --import tsx` (lib/ carries `server-only`).
import { LIMITS } from '../../lib/rate-limit/limiter';

process.stdout.write(`${JSON.stringify(LIMITS.signInAccount)}\n`);
