/** Cheap argon2id for tests: the same algorithm and code path, a fraction of OWASP's cost. */
export const TEST_PASSWORD_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
