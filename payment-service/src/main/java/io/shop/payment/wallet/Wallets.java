package io.shop.payment.wallet;

import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import io.shop.api.payment.TopUpCommand;
import io.shop.api.payment.WalletBalance;
import io.shop.payment.ledger.Ledger;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The wallet use cases: reading a balance and topping it up exactly once per request. */
@Service
class Wallets {

    private final WalletRepository wallets;
    private final Ledger ledger;

    Wallets(WalletRepository wallets, Ledger ledger) {
        this.wallets = wallets;
        this.ledger = ledger;
    }

    WalletBalance balanceOf(long userId) {
        if (userId <= 0) {
            throw ShopException.invalid(PaymentErrors.INVALID_USER_ID, "userId must be positive");
        }
        return new WalletBalance(userId, wallets.balanceOf(userId));
    }

    @Transactional
    WalletBalance topUp(TopUpCommand command) {
        if (wallets.recordEntry(command)) {
            wallets.credit(command.userId(), command.amountCents());
            ledger.post(
                    "top-up:" + command.requestId(),
                    Map.of(
                            Ledger.wallet(command.userId()),
                            command.amountCents(),
                            Ledger.TOP_UPS,
                            -command.amountCents()));
        } else {
            rejectIfReused(command);
        }
        return new WalletBalance(command.userId(), wallets.balanceOf(command.userId()));
    }

    /** The balance and the latest ledger entries of the wallet, newest first. */
    WalletStatement statement(long userId, int page, int size) {
        return new WalletStatement(
                wallets.balanceOf(userId), ledger.entries(Ledger.wallet(userId), page, size), page, size);
    }

    /** A replay must be the same top-up; the same id for something else is a caller's bug. */
    private void rejectIfReused(TopUpCommand command) {
        boolean replay = wallets.findEntry(command.requestId())
                .map(entry -> entry.sameAs(command))
                .orElse(false);
        if (!replay) {
            throw ShopException.conflict(
                    PaymentErrors.REQUEST_ID_REUSED,
                    "request " + command.requestId() + " was already used for another top-up");
        }
    }
}
