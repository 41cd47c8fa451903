package io.shop.order.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.shop.order.OrderApi;
import io.shop.order.sharding.OrderShards;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Flash sales of the running order-service (the shop's, with its real payment timeout and the
 * shop's own consumer), called as the gateway would, and its orders read from its shards.
 */
final class RunningShopSales {

    final OrderApi api;
    private final List<JdbcClient> shards = new ArrayList<>();

    RunningShopSales(Environment environment) {
        api = new OrderApi(
                URI.create(environment.getRequiredProperty("shop.it.order-url")).getPort());
        for (String url : environment.getRequiredProperty("shop.it.order-dbs", String[].class)) {
            shards.add(JdbcClient.create(new DriverManagerDataSource(
                    url,
                    environment.getRequiredProperty("shop.order.shards.username"),
                    environment.getProperty("shop.order.shards.password", ""))));
        }
    }

    /** An activity on sale from now for an hour. */
    long activity(long sku, long priceCents, int quantity, int perUserLimit) {
        ResponseEntity<String> created = api.asAdmin(
                HttpMethod.POST,
                "/api/admin/flash-sales",
                Map.of(
                        "skuId", sku,
                        "flashPriceCents", priceCents,
                        "quantity", quantity,
                        "perUserLimit", perUserLimit,
                        "startsAt",
                                Instant.now()
                                        .minusSeconds(1)
                                        .truncatedTo(ChronoUnit.MILLIS)
                                        .toString(),
                        "endsAt",
                                Instant.now()
                                        .plusSeconds(3600)
                                        .truncatedTo(ChronoUnit.MILLIS)
                                        .toString()));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return ((Number) JsonPath.read(created.getBody(), "$.id")).longValue();
    }

    ResponseEntity<String> purchase(long activity, long buyer, String key) {
        return api.call(HttpMethod.POST, "/api/flash-sales/" + activity + "/purchase", buyer, "customer", key, null);
    }

    ResponseEntity<String> reconciliation(long activity) {
        return api.asAdmin(HttpMethod.GET, "/api/admin/flash-sales/" + activity + "/reconciliation");
    }

    /** Orders of the activity in every table. */
    int orders(long activity) {
        return count(activity, "COUNT(*)");
    }

    /**
     * Distinct values of a column among the activity's orders. One user's orders, and so one
     * ticket's, live in one table, so the per-table counts add up.
     */
    int distinct(long activity, String column) {
        return count(activity, "COUNT(DISTINCT " + column + ")");
    }

    /** Orders of the activity in a status. */
    int inStatus(long activity, String status) {
        return count(activity, "SUM(status = '" + status + "')");
    }

    private int count(long activity, String what) {
        int total = 0;
        for (JdbcClient db : shards) {
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                Integer part = db.sql("SELECT " + what + " FROM t_order_" + table + " WHERE flash_sale_id = ?")
                        .param(activity)
                        .query(Integer.class)
                        .single();
                total += part == null ? 0 : part;
            }
        }
        return total;
    }
}
