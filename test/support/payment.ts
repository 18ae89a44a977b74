/** Adyen-encrypted card fields as the simulator's test values (see packages/adyen-simulator). */
export const ENCRYPTED_TEST_CARD = {
  type: 'scheme',
  encryptedCardNumber: 'test_4111111145551142',
  encryptedExpiryMonth: 'test_03',
  encryptedExpiryYear: 'test_2030',
  encryptedSecurityCode: 'test_737',
};

/** What Adyen Web reports of a desktop browser (`state.data.browserInfo`), for 3-D Secure 2. */
export const TEST_BROWSER_INFO = {
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0',
  acceptHeader: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  language: 'nl-NL',
  colorDepth: 24,
  screenHeight: 1080,
  screenWidth: 1920,
  timeZoneOffset: -60,
  javaEnabled: false,
};
