package io.shop.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds {@code shop-defaults.yml} behind every other property source, so each service's own
 * configuration and the environment still win, keeps Dubbo on the shop's host, and switches on
 * mutual TLS when the service was given certificates ({@link ServiceTls}).
 */
class ShopDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DUBBO_IP_TO_BIND = "DUBBO_IP_TO_BIND";
    private static final String SEATA_FILE_LISTENER = "file.listener.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        YamlSettings.addLast(environment, "shop-defaults.yml");
        bindDubboToShopHost(environment);
        stopSeataPollingItsConfiguration();
        ServiceTls.enableIfConfigured(environment);
    }

    /**
     * Dubbo refuses 127.x as a bind address and falls back to 0.0.0.0 and the machine's external
     * address; only the IPv4-mapped IPv6 spelling of loopback gets through. Dubbo reads this
     * setting from system properties or the environment only, not from Spring.
     */
    private static void bindDubboToShopHost(ConfigurableEnvironment environment) {
        if (System.getenv(DUBBO_IP_TO_BIND) != null || System.getProperty(DUBBO_IP_TO_BIND) != null) {
            return;
        }
        String host = environment.getProperty("shop.host", "127.0.0.1");
        System.setProperty(DUBBO_IP_TO_BIND, host.startsWith("127.") ? "::ffff:" + host : host);
    }

    /**
     * Seata's file configuration re-reads every key it was asked for once a second, through the
     * Spring environment, to notice changes (7 % of order-service's CPU in a flash-sale profile).
     * The shop configures Seata in Spring properties that do not change while a process runs.
     */
    private static void stopSeataPollingItsConfiguration() {
        if (System.getProperty(SEATA_FILE_LISTENER) == null) {
            System.setProperty(SEATA_FILE_LISTENER, "false");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
