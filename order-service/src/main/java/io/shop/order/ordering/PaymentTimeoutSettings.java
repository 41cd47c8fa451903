package io.shop.order.ordering;

import io.micrometer.core.instrument.MeterRegistry;
import io.shop.support.LiveSettings;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * How long a new order may stay unpaid ({@code shop.order.payment.timeout}), as operators set it
 * while order-service runs. An order keeps the deadline it was placed with: a change applies to
 * orders placed after it.
 */
@Configuration(proxyBeanMethods = false)
class PaymentTimeoutSettings {

    static final String PREFIX = "shop.order.payment";

    /**
     * The time a new order has to be paid.
     *
     * @param timeout from placing the order to its cancellation if unpaid; at least a second, at most
     *     three days (the longest delay of RocketMQ's timer messages)
     */
    record Window(Duration timeout) {

        static final Duration LONGEST = Duration.ofDays(3);

        Window {
            if (timeout == null || timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException(
                        PREFIX + ".timeout must be between 1s and " + LONGEST + ", was " + timeout);
            }
        }
    }

    @Bean
    LiveSettings<Window> paymentWindow(ConfigurableEnvironment environment, MeterRegistry meters) {
        return new LiveSettings<>(environment, meters, PREFIX, Window.class);
    }
}
