import type { InputProblem } from '@commerce-graph/kit';
import type {
  AccountNotFound,
  AddressLimitReached,
  AddressNotFound,
  CustomerNotFound,
  EmailAlreadyVerified,
  EmailTaken,
  InvalidCredentials,
  InvalidInput,
  InvalidRefreshToken,
  InvalidRefreshTokenReason,
  InvalidToken,
  LastOwner,
  NotSignedIn,
  TooManyAttempts,
  WeakPassword,
} from '../__generated__/resolvers-types.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type PasswordProblem } from './passwords.ts';

/** A member of a result union: the SDL type with its `__typename` set. */
type Typed<T, N extends string> = Omit<T, '__typename'> & { __typename: N };

const passwordMessages: Record<PasswordProblem, string> = {
  TOO_SHORT: `A password has at least ${MIN_PASSWORD_LENGTH} characters.`,
  TOO_LONG: `A password has at most ${MAX_PASSWORD_LENGTH} characters.`,
  SAME_AS_EMAIL: 'A password must not be the email address.',
  MALFORMED: 'A password must be well-formed Unicode.',
};

const refreshMessages: Record<InvalidRefreshTokenReason, string> = {
  UNKNOWN: 'This refresh token is not known; sign in again.',
  EXPIRED: 'This refresh token has expired; sign in again.',
  REVOKED: 'This session has ended; sign in again.',
  REUSED: 'This refresh token was used before, so its session has been ended; sign in again.',
};

/** The typed errors of the identity schema, one factory each. */
export const refuse = {
  invalidCredentials: (): Typed<InvalidCredentials, 'InvalidCredentials'> => ({
    __typename: 'InvalidCredentials',
    code: 'INVALID_CREDENTIALS',
    message: 'The email address and password do not match an account.',
  }),
  emailTaken: (): Typed<EmailTaken, 'EmailTaken'> => ({
    __typename: 'EmailTaken',
    code: 'EMAIL_TAKEN',
    message: 'An account with this email address exists already; sign in or reset the password.',
  }),
  weakPassword: (problem: PasswordProblem): Typed<WeakPassword, 'WeakPassword'> => ({
    __typename: 'WeakPassword',
    code: 'WEAK_PASSWORD',
    message: passwordMessages[problem],
    problem,
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
  }),
  invalidInput: (problem: InputProblem): Typed<InvalidInput, 'InvalidInput'> => ({
    __typename: 'InvalidInput',
    code: 'INVALID_INPUT',
    message: `${problem.field}: ${problem.message}`,
    field: problem.field,
  }),
  tooManyAttempts: (msBeforeReset: number): Typed<TooManyAttempts, 'TooManyAttempts'> => {
    const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeReset / 1000));
    return {
      __typename: 'TooManyAttempts',
      code: 'TOO_MANY_ATTEMPTS',
      message: `Too many attempts; try again in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    };
  },
  invalidRefreshToken: (
    reason: InvalidRefreshTokenReason,
  ): Typed<InvalidRefreshToken, 'InvalidRefreshToken'> => ({
    __typename: 'InvalidRefreshToken',
    code: 'INVALID_REFRESH_TOKEN',
    message: refreshMessages[reason],
    reason,
  }),
  invalidToken: (): Typed<InvalidToken, 'InvalidToken'> => ({
    __typename: 'InvalidToken',
    code: 'INVALID_TOKEN',
    message: 'This token is unknown, used or expired; ask for a new mail.',
  }),
  notSignedIn: (): Typed<NotSignedIn, 'NotSignedIn'> => ({
    __typename: 'NotSignedIn',
    code: 'NOT_SIGNED_IN',
    message: 'Sign in first (or refresh the session).',
  }),
  emailAlreadyVerified: (): Typed<EmailAlreadyVerified, 'EmailAlreadyVerified'> => ({
    __typename: 'EmailAlreadyVerified',
    code: 'EMAIL_ALREADY_VERIFIED',
    message: 'This email address is verified already.',
  }),
  addressNotFound: (addressId: string): Typed<AddressNotFound, 'AddressNotFound'> => ({
    __typename: 'AddressNotFound',
    code: 'ADDRESS_NOT_FOUND',
    message: `The address book has no address "${addressId}".`,
    addressId,
  }),
  addressLimitReached: (max: number): Typed<AddressLimitReached, 'AddressLimitReached'> => ({
    __typename: 'AddressLimitReached',
    code: 'ADDRESS_LIMIT_REACHED',
    message: `An address book holds at most ${max} addresses.`,
    maxAddresses: max,
  }),
  customerNotFound: (customerId: string): Typed<CustomerNotFound, 'CustomerNotFound'> => ({
    __typename: 'CustomerNotFound',
    code: 'CUSTOMER_NOT_FOUND',
    message: `No customer has the id "${customerId}".`,
    customerId,
  }),
  accountNotFound: (email: string): Typed<AccountNotFound, 'AccountNotFound'> => ({
    __typename: 'AccountNotFound',
    code: 'ACCOUNT_NOT_FOUND',
    message: 'No account has this email address.',
    email,
  }),
  lastOwner: (): Typed<LastOwner, 'LastOwner'> => ({
    __typename: 'LastOwner',
    code: 'LAST_OWNER',
    message: 'The last owner keeps the owner role: grant it to someone else first.',
  }),
};

export type Refusal = ReturnType<(typeof refuse)[keyof typeof refuse]>;
