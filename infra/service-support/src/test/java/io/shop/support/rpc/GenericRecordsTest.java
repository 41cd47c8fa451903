package io.shop.support.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericRecordsTest {

    record Line(long skuId, int quantity) {}

    record Page(List<Line> lines, boolean last, Map<String, Line> byName) {}

    @Test
    void aRecordResultBecomesAMapOfItsComponentsAllTheWayDown() {
        Object plain = GenericRecords.plain(new Page(List.of(new Line(7, 2)), true, Map.of("tea", new Line(8, 1))));

        assertThat(plain)
                .isEqualTo(Map.of(
                        "class", Page.class.getName(),
                        "lines", List.of(Map.of("class", Line.class.getName(), "skuId", 7L, "quantity", 2)),
                        "last", true,
                        "byName", Map.of("tea", Map.of("class", Line.class.getName(), "skuId", 8L, "quantity", 1))));
    }

    @Test
    void otherValuesStayAsTheyAre() {
        assertThat(GenericRecords.plain("text")).isEqualTo("text");
        assertThat(GenericRecords.plain(null)).isNull();
    }
}
