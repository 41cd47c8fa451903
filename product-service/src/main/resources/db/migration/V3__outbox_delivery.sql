-- the outbox relay claims rows for a while, counts refusals and parks a message refused too often;
-- see io.shop.support.outbox.OutboxRelay
ALTER TABLE outbox
    ADD COLUMN attempts        INT          NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ADD COLUMN parked_at       TIMESTAMP(3) NULL,
    ADD COLUMN last_error      VARCHAR(500) NULL,
    ADD KEY ix_outbox_due (parked_at, next_attempt_at);
