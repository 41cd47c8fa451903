package io.shop.payment.wallet;

import io.shop.api.payment.TopUpCommand;
import io.shop.api.payment.WalletBalance;
import io.shop.support.identity.Caller;
import io.shop.support.identity.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The customer's own wallet, and the operators' top-ups. */
@RestController
class WalletController {

    private final Wallets wallets;

    WalletController(Wallets wallets) {
        this.wallets = wallets;
    }

    @GetMapping("/api/wallet")
    WalletStatement mine(
            @CurrentUser long userId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return wallets.statement(userId, page, size);
    }

    /** Operators only; the request id makes a retried top-up credit once. */
    @PostMapping("/api/admin/wallets/{userId}/top-ups")
    WalletBalance topUp(@PathVariable long userId, @RequestBody TopUp topUp) {
        Caller.requireAdmin();
        return wallets.topUp(new TopUpCommand(userId, topUp.amountCents(), topUp.requestId()));
    }

    record TopUp(long amountCents, String requestId) {}
}
