import 'server-only';
import { z } from 'zod';

// Configuration read once from the environment (README "Configuration").
const envSchema = z.object({
  VENDOR_NAME: z.string().min(1).default('Microsoft'),
  TENANT_DOMAIN: z.string().min(3).default('onmicrosoft.example'),
});

export const env = envSchema.parse(process.env);
