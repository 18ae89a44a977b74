-- Custom migration (drizzle-kit generate --custom): the shipping methods and VAT rates the shop
-- starts with. Prices in minor units per currency; "freeAbove": the goods value (after the
-- discount) from which the method is free, null: never free. Rates in basis points per tax class.
-- The US has no sales-tax nexus configured: its rates are 0 until the shop registers somewhere.
INSERT INTO "checkout"."shipping_methods" ("code", "name", "countries", "min_days", "max_days", "prices", "active", "position") VALUES
  ('nl-be-standard', 'Standard', ARRAY['NL', 'BE'], 1, 2, '{"EUR": {"price": 495, "freeAbove": 5000}, "GBP": {"price": 450, "freeAbove": 4500}, "USD": {"price": 595, "freeAbove": 6000}}', true, 1),
  ('nl-be-express', 'Express', ARRAY['NL', 'BE'], 1, 1, '{"EUR": {"price": 995, "freeAbove": null}, "GBP": {"price": 895, "freeAbove": null}, "USD": {"price": 1195, "freeAbove": null}}', true, 2),
  ('de-fr-standard', 'Standard', ARRAY['DE', 'FR'], 2, 4, '{"EUR": {"price": 795, "freeAbove": 10000}, "GBP": {"price": 695, "freeAbove": 9000}, "USD": {"price": 895, "freeAbove": 11000}}', true, 1),
  ('de-fr-express', 'Express', ARRAY['DE', 'FR'], 1, 2, '{"EUR": {"price": 1495, "freeAbove": null}, "GBP": {"price": 1295, "freeAbove": null}, "USD": {"price": 1595, "freeAbove": null}}', true, 2),
  ('gb-standard', 'Standard', ARRAY['GB'], 3, 5, '{"EUR": {"price": 995, "freeAbove": null}, "GBP": {"price": 895, "freeAbove": null}, "USD": {"price": 1195, "freeAbove": null}}', true, 1),
  ('us-standard', 'Standard', ARRAY['US'], 5, 8, '{"EUR": {"price": 1995, "freeAbove": null}, "GBP": {"price": 1695, "freeAbove": null}, "USD": {"price": 1995, "freeAbove": 15000}}', true, 1),
  ('us-express', 'Express', ARRAY['US'], 2, 3, '{"EUR": {"price": 3995, "freeAbove": null}, "GBP": {"price": 3495, "freeAbove": null}, "USD": {"price": 3995, "freeAbove": null}}', true, 2);
--> statement-breakpoint
INSERT INTO "checkout"."tax_rates" ("country_code", "tax_class", "rate_basis_points") VALUES
  ('NL', 'STANDARD', 2100), ('NL', 'REDUCED', 900), ('NL', 'ZERO', 0),
  ('DE', 'STANDARD', 1900), ('DE', 'REDUCED', 700), ('DE', 'ZERO', 0),
  ('BE', 'STANDARD', 2100), ('BE', 'REDUCED', 600), ('BE', 'ZERO', 0),
  ('FR', 'STANDARD', 2000), ('FR', 'REDUCED', 550), ('FR', 'ZERO', 0),
  ('GB', 'STANDARD', 2000), ('GB', 'REDUCED', 500), ('GB', 'ZERO', 0),
  ('US', 'STANDARD', 0), ('US', 'REDUCED', 0), ('US', 'ZERO', 0);
