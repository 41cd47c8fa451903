package io.shop.payment.wallet;

import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import io.shop.payment.ledger.Ledger;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves money between a customer's wallet and the shop's clearing account, with its journal, in
 * the caller's transaction: the balance and the ledger change together or not at all.
 */
@Component
public class WalletMoney {

    private final WalletRepository wallets;
    private final Ledger ledger;

    WalletMoney(WalletRepository wallets, Ledger ledger) {
        this.wallets = wallets;
        this.ledger = ledger;
    }

    /** Takes {@code cents} out of the wallet, or fails with INSUFFICIENT_BALANCE having taken nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void pay(long userId, long cents, String journal) {
        if (!wallets.debit(userId, cents)) {
            throw ShopException.conflict(
                    PaymentErrors.INSUFFICIENT_BALANCE, "the wallet holds less than " + cents + " cents");
        }
        ledger.post(journal, Map.of(Ledger.wallet(userId), -cents, Ledger.CLEARING, cents));
    }

    /** Gives {@code cents} taken for an order back to the wallet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refund(long userId, long cents, String journal) {
        wallets.credit(userId, cents);
        ledger.post(journal, Map.of(Ledger.CLEARING, -cents, Ledger.wallet(userId), cents));
    }
}
