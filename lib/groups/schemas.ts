import { z } from 'zod';

const id = z.string().min(1).max(40);

/** A new group of the partner's users: a name unique in the organisation. */
export const createGroupInput = z.object({
  name: z.string().trim().min(1, 'errors.required').max(50, 'groups.errors.nameTooLong'),
});
export type CreateGroupInput = z.infer<typeof createGroupInput>;

export const groupInput = z.object({ groupId: id });
export type GroupInput = z.infer<typeof groupInput>;

export const groupMemberInput = groupInput.extend({ userId: id });
export type GroupMemberInput = z.infer<typeof groupMemberInput>;
