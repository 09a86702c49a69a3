'use server';
import { defineAction } from '@/lib/actions';
import { respondToRelationshipRequest } from '@/lib/relationships/respond-to-relationship-request';
import { respondRelationshipInput } from '@/lib/relationships/schemas';

// Any signed-in user may try; respondToRelationshipRequest lets only an admin
// of the customer named in the request answer, and refuses every other
// account with its own message.
export const respondToRelationshipRequestAction = defineAction({
  permission: 'account.self',
  input: respondRelationshipInput,
  run: respondToRelationshipRequest,
});
