package io.shop.payment.payment;

import io.shop.payment.wallet.WalletMoney;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a payment's money back, exactly once: the payment moves SUCCEEDED to REFUNDED and the
 * wallet is credited in one transaction; a second request for it finds it refunded already.
 */
@Service
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final PaymentRepository payments;
    private final WalletMoney money;

    Refunds(PaymentRepository payments, WalletMoney money) {
        this.payments = payments;
        this.money = money;
    }

    /** True when this call refunded the payment. */
    @Transactional
    public boolean refund(String paymentId) {
        Payment payment = payments.find(paymentId).orElse(null);
        if (payment == null) {
            log.error("refund asked for payment {}, which does not exist", paymentId);
            return false;
        }
        if (!payments.markRefunded(paymentId)) {
            return false;
        }
        money.refund(payment.userId(), payment.amountCents(), payment.refundJournal());
        log.info("payment {} of order {} refunded: {} cents", paymentId, payment.orderNo(), payment.amountCents());
        return true;
    }
}
