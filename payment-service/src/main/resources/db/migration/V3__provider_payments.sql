-- Provider payments: PENDING with the provider's intent and pay URL until its signed callback
-- ends them (SUCCEEDED, FAILED, EXPIRED). paid_order_no stays NULL until the money is taken.
ALTER TABLE payment
    ADD COLUMN provider_intent_id VARCHAR(64)  NULL AFTER idempotency_key,
    ADD COLUMN pay_url            VARCHAR(300) NULL AFTER provider_intent_id,
    ADD UNIQUE KEY ux_payment_provider_intent (provider_intent_id),
    ADD KEY ix_payment_status_created (status, created_at);
