package io.shop.payment.payment;

import io.shop.payment.wallet.WalletMoney;
import org.springframework.stereotype.Component;

/** A wallet payment: the payment row, the debit and its journal, handed off to order-service as one decision. */
@Component
class WalletPayments {

    private final PaymentHandOff handOff;
    private final PaymentRepository payments;
    private final WalletMoney money;

    WalletPayments(PaymentHandOff handOff, PaymentRepository payments, WalletMoney money) {
        this.handOff = handOff;
        this.payments = payments;
        this.money = money;
    }

    /** Takes the money; fails (having taken nothing) with INSUFFICIENT_BALANCE or a duplicate key. */
    void take(Payment payment) {
        handOff.send(payment.succeeded(payment.createdAt()), local(payment));
    }

    PaymentHandOff.LocalTransaction local(Payment payment) {
        return new PaymentHandOff.LocalTransaction(() -> {
            payments.insert(payment);
            money.pay(payment.userId(), payment.amountCents(), payment.journal());
            return true;
        });
    }
}
