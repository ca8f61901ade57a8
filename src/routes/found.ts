import { notFound } from '../contract/api-error.ts'

/** A scoped single read: absent and out of scope are the same 404, so scope leaks nothing (contract §5). */
export const found = <T>(value: T | undefined, resource: string): T => {
  if (value === undefined) throw notFound(resource)
  return value
}

/** Readers of any resource: the token sees its scope, keys the workspace. */
export const SCOPED_READERS = ['client_session_token', 'api_key', 'personal_access_token'] as const
export const WORKSPACE_KEYS = ['api_key', 'personal_access_token'] as const
