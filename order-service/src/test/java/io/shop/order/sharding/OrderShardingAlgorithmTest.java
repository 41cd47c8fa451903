package io.shop.order.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.Test;

class OrderShardingAlgorithmTest {

    static final List<String> DATABASES = List.of("ds_0", "ds_1");
    static final List<String> TABLES = List.of(
            "t_order_0", "t_order_1", "t_order_2", "t_order_3", "t_order_4", "t_order_5", "t_order_6", "t_order_7");

    @Test
    void theLowFourBitsOfTheUserIdPickTheDatabaseAndTheTable() {
        // 16 * 7 + 13: shard 13 -> database 1, table 6
        long user = 16 * 7 + 13;

        assertThat(route("database", DATABASES, Map.of("user_id", List.of(user))))
                .containsExactly("ds_1");
        assertThat(route("table", TABLES, Map.of("user_id", List.of(user)))).containsExactly("t_order_6");
    }

    @Test
    void anOrderNumberAloneRoutesToTheSameTableAsItsUser() {
        String orderNo = "1764115200000123456713";

        assertThat(route("database", DATABASES, Map.of("order_no", List.of(orderNo))))
                .containsExactly("ds_1");
        assertThat(route("table", TABLES, Map.of("order_no", List.of(orderNo)))).containsExactly("t_order_6");
    }

    @Test
    void aStatementWithoutShardingValuesGoesEverywhere() {
        assertThat(route("table", TABLES, Map.of())).isEqualTo(TABLES);
    }

    @Test
    void theUserIdWinsOverTheOrderNumber() {
        // another user's order number does not lead a user into that user's table
        assertThat(route(
                        "table", TABLES, Map.of("user_id", List.of(0L), "order_no", List.of("1764115200000123456713"))))
                .containsExactly("t_order_0");
    }

    private static Collection<String> route(String level, List<String> targets, Map<String, List<?>> values) {
        OrderShardingAlgorithm algorithm = new OrderShardingAlgorithm();
        Properties props = new Properties();
        props.setProperty("level", level);
        algorithm.init(props);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, Collection<Comparable<?>>> columns = (Map) values;
        return algorithm.doSharding(targets, new ComplexKeysShardingValue<>("t_order", columns, Map.of()));
    }
}
