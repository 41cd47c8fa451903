package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.shop.order.sharding.OrderShards;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderNumbersTest {

    @Test
    void numbersEndInTheUsersShardAndAreWellFormed() {
        OrderNumbers numbers = new OrderNumbers(Clock.systemUTC());

        for (long user : new long[] {1, 16, 29, 1_000_000_015L}) {
            String orderNo = numbers.next(user);

            assertThat(orderNo).hasSize(22);
            assertThat(OrderShards.shardOfOrderNo(orderNo)).isEqualTo(OrderShards.shardOfUser(user));
            assertThat(OrderNumbers.wellFormed(orderNo)).isTrue();
        }
    }

    @Test
    void laterNumbersSortAfterEarlierOnes() {
        String earlier = new OrderNumbers(Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC)).next(5);
        String later = new OrderNumbers(Clock.fixed(Instant.parse("2026-11-26T00:00:00.001Z"), ZoneOffset.UTC)).next(5);

        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void oneInstanceNeverRepeatsANumberWithinAMillisecond() {
        OrderNumbers numbers = new OrderNumbers(Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(numbers.next(5))).isTrue();
        }
    }

    @Test
    void garbageIsNotAnOrderNumber() {
        assertThat(OrderNumbers.wellFormed("abc")).isFalse();
        assertThat(OrderNumbers.wellFormed("1764115200000123456799")).isFalse();
        assertThat(OrderNumbers.wellFormed(null)).isFalse();
    }
}
