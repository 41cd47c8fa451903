package io.shop.api.payment;

import io.shop.api.ShopException;
import java.io.Serializable;

/**
 * Add money to a wallet. {@code requestId} is the caller's idempotency key: at most 64 characters,
 * chosen once per top-up and reused on every retry of it.
 */
public record TopUpCommand(long userId, long amountCents, String requestId) implements Serializable {

    public static final long MAX_AMOUNT_CENTS = 1_000_000_00L;
    public static final int MAX_REQUEST_ID_LENGTH = 64;

    public TopUpCommand {
        if (userId <= 0) {
            throw ShopException.invalid(PaymentErrors.INVALID_USER_ID, "userId must be positive");
        }
        if (amountCents < 1 || amountCents > MAX_AMOUNT_CENTS) {
            throw ShopException.invalid(
                    PaymentErrors.INVALID_AMOUNT, "amountCents must be between 1 and " + MAX_AMOUNT_CENTS);
        }
        if (requestId == null || requestId.isBlank() || requestId.length() > MAX_REQUEST_ID_LENGTH) {
            throw ShopException.invalid(
                    PaymentErrors.INVALID_REQUEST_ID,
                    "requestId is required and at most " + MAX_REQUEST_ID_LENGTH + " characters");
        }
    }
}
