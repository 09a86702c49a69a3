'use server';
import { defineAction } from '@/lib/actions';
import { changePassword } from '@/lib/users/change-password';
import { changePasswordInput } from '@/lib/users/schemas';

export const changePasswordAction = defineAction({
  permission: 'account.self',
  input: changePasswordInput,
  allowBeforePasswordChange: true,
  run: changePassword,
});
