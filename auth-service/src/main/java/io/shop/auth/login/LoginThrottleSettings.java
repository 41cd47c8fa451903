package io.shop.auth.login;

import io.micrometer.core.instrument.MeterRegistry;
import io.shop.support.LiveSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** The login throttle's limits as operators set them, followed while auth-service runs. */
@Configuration(proxyBeanMethods = false)
class LoginThrottleSettings {

    @Bean
    LiveSettings<LoginThrottleProperties> loginThrottleLimits(
            ConfigurableEnvironment environment, MeterRegistry meters) {
        return new LiveSettings<>(environment, meters, LoginThrottleProperties.PREFIX, LoginThrottleProperties.class);
    }
}
