package io.shop.api.payment;

import io.shop.api.CallableBy;

/**
 * Wallets over Dubbo. A user who never topped up has a wallet with balance 0.
 *
 * <p>Failures: {@code INVALID_USER_ID}, {@code INVALID_AMOUNT}, {@code INVALID_REQUEST_ID} (raised
 * when a {@link TopUpCommand} is built), {@code REQUEST_ID_REUSED} (the request id was already used
 * for another user or amount).
 */
public interface WalletService {

    @CallableBy({})
    WalletBalance balanceOf(long userId);

    /**
     * Credits the wallet once per {@link TopUpCommand#requestId()}: sending the same command again
     * (a retry, a duplicate) credits nothing and returns the current balance.
     */
    @CallableBy({})
    WalletBalance topUp(TopUpCommand command);
}
