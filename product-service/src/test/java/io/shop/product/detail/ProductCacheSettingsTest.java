package io.shop.product.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProductCacheSettingsTest {

    private final ProductCacheSettings settings = new ProductCacheSettings(
            Duration.ofMinutes(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            1000,
            0.1,
            Duration.ofSeconds(3),
            Duration.ofSeconds(10),
            1000,
            8);

    @Test
    void jitteredTtlsStayWithinTheJitterAndSpreadOut() {
        Set<Duration> ttls = IntStream.range(0, 1000)
                .mapToObj(i -> settings.jittered(Duration.ofMinutes(30)))
                .collect(Collectors.toSet());

        assertThat(ttls).allSatisfy(ttl -> assertThat(ttl).isBetween(Duration.ofMinutes(27), Duration.ofMinutes(33)));
        assertThat(ttls).hasSizeGreaterThan(100);
    }
}
