/**
 * The tag an IAM user locked out by the account lockout carries (DPP 2.2); its value is the time
 * of the lock. Its own module so the construct can name it without loading the handler's SDK clients.
 */
export const LOCKED_TAG = 'dpp:locked';
