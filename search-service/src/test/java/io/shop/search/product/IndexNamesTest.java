package io.shop.search.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexNamesTest {

    private final IndexNames names = new IndexNames("products");

    @Test
    void aRebuiltIndexIsNamedAfterTheMomentItsRebuildStarted() {
        Instant start = Instant.parse("2026-11-25T10:15:30.123Z");

        String index = names.rebuiltAt(start);

        assertThat(index).isEqualTo("products-v20261125101530123");
        assertThat(names.startOf(index)).contains(start);
    }

    @Test
    void theFirstIndexAndForeignNamesTellNoStart() {
        assertThat(names.startOf(names.first())).isEmpty();
        assertThat(names.startOf("orders-v20261125101530123")).isEmpty();
    }
}
