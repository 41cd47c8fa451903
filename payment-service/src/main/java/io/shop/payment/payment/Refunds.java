package io.shop.payment.payment;

import io.shop.payment.ledger.Ledger;
import io.shop.payment.wallet.WalletMoney;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a payment's money back, exactly once: the payment moves SUCCEEDED to REFUNDED with its
 * journal (and the wallet credit) in one transaction; a second request finds it refunded already.
 * A provider payment is refunded at the provider first, which refunds once per payment however
 * often it is asked, so a crash between the two only repeats a refund the provider ignores.
 */
@Service
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final PaymentRepository payments;
    private final WalletMoney money;
    private final ProviderClient provider;
    private final ProviderSettings settings;
    private final Ledger ledger;
    private final TransactionTemplate transactions;

    Refunds(
            PaymentRepository payments,
            WalletMoney money,
            ProviderClient provider,
            ProviderSettings settings,
            Ledger ledger,
            TransactionTemplate transactions) {
        this.payments = payments;
        this.money = money;
        this.provider = provider;
        this.settings = settings;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    /** True when this call refunded the payment; fails (to be retried) when the provider cannot be reached. */
    public boolean refund(String paymentId) {
        Payment payment = payments.find(paymentId).orElse(null);
        if (payment == null) {
            log.error("refund asked for payment {}, which does not exist", paymentId);
            return false;
        }
        if (payment.status() != Payment.Status.SUCCEEDED) {
            return false;
        }
        if (payment.byProvider()) {
            provider.refund(payment);
        }
        boolean refunded = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!payments.markRefunded(paymentId)) {
                return false;
            }
            if (payment.byProvider()) {
                ledger.post(
                        payment.refundJournal(),
                        Map.of(
                                Ledger.CLEARING,
                                -payment.amountCents(),
                                Ledger.provider(settings.channel()),
                                payment.amountCents()));
            } else {
                money.refund(payment.userId(), payment.amountCents(), payment.refundJournal());
            }
            return true;
        }));
        if (refunded) {
            log.info("payment {} of order {} refunded: {} cents", paymentId, payment.orderNo(), payment.amountCents());
        }
        return refunded;
    }
}
