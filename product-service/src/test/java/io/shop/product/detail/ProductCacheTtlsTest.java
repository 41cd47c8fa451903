package io.shop.product.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProductCacheTtlsTest {

    private final ProductCacheTtls settings =
            new ProductCacheTtls(Duration.ofMinutes(30), Duration.ofSeconds(60), Duration.ofSeconds(60), 0.1);

    @Test
    void jitteredTtlsStayWithinTheJitterAndSpreadOut() {
        Set<Duration> ttls = IntStream.range(0, 1000)
                .mapToObj(i -> settings.jittered(Duration.ofMinutes(30)))
                .collect(Collectors.toSet());

        assertThat(ttls).allSatisfy(ttl -> assertThat(ttl).isBetween(Duration.ofMinutes(27), Duration.ofMinutes(33)));
        assertThat(ttls).hasSizeGreaterThan(100);
    }

    @Test
    void aLocalTtlLongerThanTheRedisOneIsRefused() {
        assertThatThrownBy(() -> new ProductCacheTtls(
                        Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(1), 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop.product.cache.ttl.local");
    }

    @Test
    void aJitterBeyondHalfOrATtlBelowASecondIsRefused() {
        assertThatThrownBy(() -> new ProductCacheTtls(
                        Duration.ofMinutes(30), Duration.ofSeconds(60), Duration.ofSeconds(60), 0.9))
                .hasMessageContaining("jitter");
        assertThatThrownBy(
                        () -> new ProductCacheTtls(Duration.ofMinutes(30), Duration.ZERO, Duration.ofSeconds(60), 0.1))
                .hasMessageContaining("at least 1s");
    }
}
