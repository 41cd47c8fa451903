package io.shop.order.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import io.shop.order.InProcessOrderService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The migrations as a database already in use meets them: a database of version 1 with orders in
 * every table is brought to the latest version, every table copy changed and every order kept.
 */
class OrderTablesMigrationIT extends InProcessOrderService {

    private static final String SCRATCH = "shop_order_upgrade_it";

    @Autowired
    Environment environment;

    @Test
    void aVersion1DatabaseWithOrdersIsUpgradedInEveryTableAndKeepsItsOrders() {
        SingleConnectionDataSource database = new SingleConnectionDataSource(
                environment.getRequiredProperty("shop.it.scratch-db"),
                environment.getRequiredProperty("shop.order.shards.username"),
                environment.getProperty("shop.order.shards.password", ""),
                true);
        try {
            JdbcClient sql = JdbcClient.create(database);
            sql.sql("DROP DATABASE " + SCRATCH).update();
            sql.sql("CREATE DATABASE " + SCRATCH).update();
            sql.sql("USE " + SCRATCH).update();
            OrderDataSourceConfiguration.migrations(database).target("1").load().migrate();
            Timestamp placedAt = Timestamp.from(Instant.parse("2026-11-26T00:00:00Z"));
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                sql.sql("INSERT INTO t_order_" + table + " (order_no, user_id, address_id, status, total_cents,"
                                + " idempotency_key, request_hash, created_at, updated_at)"
                                + " VALUES (?, 7, 3, 'CREATED', 850, 'k', ?, ?, ?)")
                        .params("o-" + table, "0".repeat(64), placedAt, placedAt)
                        .update();
            }

            OrderDataSourceConfiguration.migrations(database).load().migrate();

            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                assertThat(length(sql, "t_order_item_" + table, "specs")).isEqualTo(500);
                assertThat(column(sql, "t_order_" + table, "shipping_address")).containsEntry("IS_NULLABLE", "YES");
                assertThat(indexColumns(sql, "t_order_" + table, "ix_order_status_created_" + table))
                        .containsExactly("status", "created_at");
                assertThat(indexColumns(sql, "t_order_" + table, "ix_order_status_pay_by_" + table))
                        .containsExactly("status", "pay_by");
                assertThat(sql.sql("SELECT status, shipping_address, created_at, pay_by FROM t_order_" + table
                                        + " WHERE order_no = ?")
                                .param("o-" + table)
                                .query()
                                .singleRow())
                        .containsEntry("status", "CREATED")
                        .containsEntry("shipping_address", null)
                        .containsEntry("created_at", placedAt)
                        // the default timeout of the time, for orders placed before deadlines were kept
                        .containsEntry(
                                "pay_by", Timestamp.from(placedAt.toInstant().plusSeconds(15 * 60)));
            }
        } finally {
            database.destroy();
        }
    }

    private static List<String> indexColumns(JdbcClient sql, String table, String index) {
        return sql.sql("SELECT column_name FROM information_schema.statistics WHERE table_schema = ?"
                        + " AND table_name = ? AND index_name = ? ORDER BY seq_in_index")
                .params(SCRATCH, table, index)
                .query(String.class)
                .list();
    }

    private static long length(JdbcClient sql, String table, String column) {
        return ((Number) column(sql, table, column).get("CHARACTER_MAXIMUM_LENGTH")).longValue();
    }

    private static Map<String, Object> column(JdbcClient sql, String table, String column) {
        List<Map<String, Object>> rows = sql.sql("SELECT is_nullable AS IS_NULLABLE, character_maximum_length AS"
                        + " CHARACTER_MAXIMUM_LENGTH FROM information_schema.columns WHERE table_schema = ?"
                        + " AND table_name = ? AND column_name = ?")
                .params(SCRATCH, table, column)
                .query()
                .listOfRows();
        assertThat(rows).as("%s.%s", table, column).hasSize(1);
        return rows.get(0);
    }
}
