import { ALLOWED_ACTIONS, type AllowedAction } from '../upstream/client'

/** The actions the sandbox serves: exactly those the proxy may call (design.md §1). */
export const ACTIONS = ALLOWED_ACTIONS
export type Action = AllowedAction

export const isAction = (name: string | undefined): name is Action =>
  ACTIONS.includes(name as Action)

/**
 * RetCode → Message. 171/172 and their texts: UCloud's API docs (常见问题). 150, 160, 170,
 * 220, 230 and their texts: UCloud-style gateway tables seen in public code; 110, 130, 153,
 * 161, 292–299 and 8039: design.md §2's meanings with modelled texts, not verified.
 * `%s` is replaced by the detail (a parameter or action name).
 */
const MESSAGES: Readonly<Record<number, string>> = {
  110: 'Request timeout',
  130: 'Service error and break',
  150: 'Service unavailable',
  153: 'Too many requests',
  160: 'Missing Action',
  161: 'Action [%s] not found',
  170: 'Missing signature',
  171: 'Signature VerifyAC Error',
  172: 'User Not Exists',
  220: 'Missing params [%s]',
  230: 'Params [%s] not available',
  292: 'Project not found',
  293: 'No permission for this zone',
  294: 'IP not in whitelist',
  299: 'Permission denied by IAM policy',
  8039: 'Image [%s] not found',
}

export function messageFor(retCode: number, detail = ''): string {
  return (MESSAGES[retCode] ?? 'Internal error').replace('%s', detail)
}

/** A response body: `{RetCode, Action, Message?, ...fields}`. */
export type ApiBody = { RetCode: number; Action: string; Message?: string } & Record<
  string,
  unknown
>

/** Action echo: `<Action>Response`; before any Action is known, just `Response`. */
export const responseAction = (action: string | undefined): string => `${action ?? ''}Response`

/** Thrown by handlers; the app turns it into an error body. */
export class RetCodeError extends Error {
  constructor(
    readonly retCode: number,
    detail = '',
  ) {
    super(messageFor(retCode, detail))
  }
}

export function errorBody(action: string | undefined, retCode: number, message?: string): ApiBody {
  return {
    RetCode: retCode,
    Action: responseAction(action),
    Message: message ?? messageFor(retCode),
  }
}
