package io.shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RocketMqTopicsTest {

    @Test
    void listedTopicsLeaveOutCommentsAndBlankLines() {
        assertThat(RocketMqTopics.listed())
                .contains("shop-infra-selftest", "shop-order-timeout")
                .allSatisfy(topic -> assertThat(topic).isNotBlank().doesNotContain("#", " "));
    }
}
