package io.shop.order;

import io.shop.order.sharding.OrderShards;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The physical order tables of the in-process instance, read past ShardingSphere to see where rows
 * really are: the databases and credentials of its own {@code shop.order.shards} settings.
 */
public final class Shards {

    private final JdbcClient[] databases = new JdbcClient[OrderShards.DATABASES];

    Shards(Environment environment) {
        List<String> urls = Binder.get(environment)
                .bind("shop.order.shards.urls", Bindable.listOf(String.class))
                .get();
        for (int i = 0; i < databases.length; i++) {
            databases[i] = JdbcClient.create(new DriverManagerDataSource(
                    urls.get(i),
                    environment.getRequiredProperty("shop.order.shards.username"),
                    environment.getProperty("shop.order.shards.password", "")));
        }
    }

    public JdbcClient database(int i) {
        return databases[i];
    }

    /** The physical database that holds the orders of this shard. */
    public JdbcClient databaseOf(int shard) {
        return databases[OrderShards.database(shard)];
    }

    /** How many rows of {@code logicTable} with this order number each physical table holds, in total. */
    public int rowsEverywhere(String logicTable, String orderNo) {
        int rows = 0;
        for (int db = 0; db < OrderShards.DATABASES; db++) {
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                rows += rowsIn(db, table, logicTable, orderNo);
            }
        }
        return rows;
    }

    public int rowsIn(int db, int table, String logicTable, String orderNo) {
        return databases[db]
                .sql("SELECT COUNT(*) FROM " + logicTable + "_" + table + " WHERE order_no = ?")
                .param(orderNo)
                .query(Integer.class)
                .single();
    }

    /** The order's row in its physical table, column by column. */
    public Map<String, Object> order(String orderNo) {
        int shard = OrderShards.shardOfOrderNo(orderNo);
        return databaseOf(shard)
                .sql("SELECT * FROM t_order_" + OrderShards.table(shard) + " WHERE order_no = ?")
                .param(orderNo)
                .query()
                .singleRow();
    }

    public String status(String orderNo) {
        int shard = OrderShards.shardOfOrderNo(orderNo);
        return databaseOf(shard)
                .sql("SELECT status FROM t_order_" + OrderShards.table(shard) + " WHERE order_no = ?")
                .param(orderNo)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The deadline an order was placed with, or null when no table holds it. */
    public Instant payBy(String orderNo) {
        int shard = OrderShards.shardOfOrderNo(orderNo);
        return databaseOf(shard)
                .sql("SELECT pay_by FROM t_order_" + OrderShards.table(shard) + " WHERE order_no = ?")
                .param(orderNo)
                .query((rs, n) -> rs.getTimestamp("pay_by").toInstant())
                .optional()
                .orElse(null);
    }
}
