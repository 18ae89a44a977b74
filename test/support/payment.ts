/** Adyen-encrypted card fields as the simulator's test values (see packages/adyen-simulator). */
export const ENCRYPTED_TEST_CARD = {
  type: 'scheme',
  encryptedCardNumber: 'test_4111111145551142',
  encryptedExpiryMonth: 'test_03',
  encryptedExpiryYear: 'test_2030',
  encryptedSecurityCode: 'test_737',
};
