package io.shop.infra;

import io.shop.infra.provider.PaymentProviderSimulator;
import java.time.Clock;
import java.time.Duration;

/**
 * The payment provider simulator as a launcher part, on {@code SHOP_PROVIDER_PORT} (8099) with the
 * secret it shares with payment-service from {@code SHOP_PROVIDER_SECRET}.
 */
final class PaymentProvider implements Middleware {

    private PaymentProviderSimulator simulator;

    @Override
    public String name() {
        return "provider";
    }

    @Override
    public boolean separateJvm() {
        return false;
    }

    @Override
    public void start() throws Exception {
        String secret = System.getenv("SHOP_PROVIDER_SECRET");
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("SHOP_PROVIDER_SECRET (16 characters or more) is not set");
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("SHOP_PROVIDER_PORT", "8099"));
        simulator = new PaymentProviderSimulator(port, secret, Clock.systemUTC());
        simulator.start();
    }

    @Override
    public String awaitReady(Duration timeout) throws Exception {
        return simulator.awaitReady(timeout);
    }

    @Override
    public String logHint() {
        return "this launcher's output";
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }
}
