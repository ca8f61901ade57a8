import type { AnyRoute } from '../http/route.ts'
import create from './client_sessions/create.ts'
import deleteSession from './client_sessions/delete.ts'
import get from './client_sessions/get.ts'
import getOrCreate from './client_sessions/get_or_create.ts'
import grantAccess from './client_sessions/grant_access.ts'
import list from './client_sessions/list.ts'
import revoke from './client_sessions/revoke.ts'

/** Every API route; the app mounts these and the OpenAPI document describes exactly these. */
export const ROUTES = [create, get, getOrCreate, list, grantAccess, revoke, deleteSession] as unknown as AnyRoute[]
