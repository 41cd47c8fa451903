package io.shop.payment.wallet;

import io.shop.api.payment.TopUpCommand;
import io.shop.api.payment.WalletBalance;
import io.shop.api.payment.WalletService;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class WalletServiceProvider implements WalletService {

    private final Wallets wallets;

    WalletServiceProvider(Wallets wallets) {
        this.wallets = wallets;
    }

    @Override
    public WalletBalance balanceOf(long userId) {
        return wallets.balanceOf(userId);
    }

    @Override
    public WalletBalance topUp(TopUpCommand command) {
        return wallets.topUp(command);
    }
}
