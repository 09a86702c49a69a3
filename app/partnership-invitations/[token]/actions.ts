'use server';
import { defineAction } from '@/lib/actions';
import { baseUrl } from '@/lib/http/base-url';
import { respondToInvitation } from '@/lib/partnerships/respond-to-invitation';
import { respondInput } from '@/lib/partnerships/schemas';

// Any signed-in user may try; respondToInvitation applies R2 and refuses
// every account that may not accept, each with its own message.
export const respondToInvitationAction = defineAction({
  permission: 'account.self',
  input: respondInput,
  run: async (ctx, input) => respondToInvitation(ctx, { ...input, baseUrl: await baseUrl() }),
});
