CREATE TABLE "checkout"."payment_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"notification_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"psp_reference" text NOT NULL,
	"amount" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_ledger_kind_valid" CHECK ("checkout"."payment_ledger"."kind" in ('AUTHORISED', 'CAPTURED', 'CAPTURE_FAILED', 'CANCELLED', 'REFUNDED', 'REFUND_FAILED', 'CHARGED_BACK', 'CHARGEBACK_REVERSED')),
	CONSTRAINT "payment_ledger_amount_not_negative" CHECK ("checkout"."payment_ledger"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "checkout"."payment_modifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" integer,
	"currency" char(3) NOT NULL,
	"status" text DEFAULT 'REQUESTED' NOT NULL,
	"psp_reference" text,
	"reason" text,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_modifications_kind_valid" CHECK ("checkout"."payment_modifications"."kind" in ('CAPTURE', 'REFUND', 'CANCEL')),
	CONSTRAINT "payment_modifications_status_valid" CHECK ("checkout"."payment_modifications"."status" in ('REQUESTED', 'RECEIVED', 'SUCCEEDED', 'FAILED')),
	CONSTRAINT "payment_modifications_amount_positive" CHECK ("checkout"."payment_modifications"."amount" is null or "checkout"."payment_modifications"."amount" > 0)
);
--> statement-breakpoint
DROP INDEX "checkout"."adyen_notifications_delivery_unique";--> statement-breakpoint
ALTER TABLE "checkout"."payments" ADD COLUMN "authorised_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."payments" ADD COLUMN "captured_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."payments" ADD COLUMN "refunded_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."payments" ADD COLUMN "charged_back_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout"."payment_ledger" ADD CONSTRAINT "payment_ledger_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "checkout"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkout"."payment_ledger" ADD CONSTRAINT "payment_ledger_notification_id_adyen_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "checkout"."adyen_notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkout"."payment_modifications" ADD CONSTRAINT "payment_modifications_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "checkout"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_ledger_notification_unique" ON "checkout"."payment_ledger" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "payment_ledger_payment_idx" ON "checkout"."payment_ledger" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_modifications_psp_reference_unique" ON "checkout"."payment_modifications" USING btree ("psp_reference");--> statement-breakpoint
CREATE INDEX "payment_modifications_payment_idx" ON "checkout"."payment_modifications" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_modifications_requested_idx" ON "checkout"."payment_modifications" USING btree ("created_at") WHERE "checkout"."payment_modifications"."status" = 'REQUESTED';--> statement-breakpoint
CREATE UNIQUE INDEX "adyen_notifications_delivery_unique" ON "checkout"."adyen_notifications" USING btree ("psp_reference","event_code","success","amount_value","amount_currency");--> statement-breakpoint
-- Hand-added backfill: the authorisations applied before the ledger become its first entries,
-- and the payments' sums follow from them (capture was automatic: captured = authorised).
INSERT INTO "checkout"."payment_ledger" ("payment_id", "order_id", "notification_id", "kind", "psp_reference", "amount", "currency", "created_at")
SELECT DISTINCT ON (p."id") p."id", p."order_id", n."id", 'AUTHORISED', n."psp_reference", n."amount_value", n."amount_currency", n."received_at"
FROM "checkout"."adyen_notifications" n
JOIN "checkout"."payments" p ON p."psp_reference" = n."psp_reference" OR p."order_id"::text = n."merchant_reference"
WHERE n."event_code" = 'AUTHORISATION' AND n."success" AND n."outcome" IN ('applied: authorised', 'unchanged: already authorised') AND n."amount_value" IS NOT NULL
ORDER BY p."id", n."received_at";--> statement-breakpoint
UPDATE "checkout"."payments" p SET "authorised_amount" = l."amount", "captured_amount" = l."amount"
FROM "checkout"."payment_ledger" l WHERE l."payment_id" = p."id" AND l."kind" = 'AUTHORISED';
