package io.shop.order;

import io.shop.order.sharding.OrderShards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The physical order tables, read past ShardingSphere to see where rows really are. */
public final class Shards {

    private static final JdbcClient[] databases = new JdbcClient[OrderShards.DATABASES];

    static {
        for (int i = 0; i < databases.length; i++) {
            databases[i] = JdbcClient.create(
                    new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/shop_order_" + i, "root", ""));
        }
    }

    private Shards() {}

    public static JdbcClient database(int i) {
        return databases[i];
    }

    /** How many rows of {@code logicTable} with this order number each physical table holds, in total. */
    public static int rowsEverywhere(String logicTable, String orderNo) {
        int rows = 0;
        for (int db = 0; db < OrderShards.DATABASES; db++) {
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                rows += rowsIn(db, table, logicTable, orderNo);
            }
        }
        return rows;
    }

    public static int rowsIn(int db, int table, String logicTable, String orderNo) {
        return databases[db]
                .sql("SELECT COUNT(*) FROM " + logicTable + "_" + table + " WHERE order_no = ?")
                .param(orderNo)
                .query(Integer.class)
                .single();
    }

    public static String status(String orderNo) {
        int shard = OrderShards.shardOfOrderNo(orderNo);
        return databases[OrderShards.database(shard)]
                .sql("SELECT status FROM t_order_" + OrderShards.table(shard) + " WHERE order_no = ?")
                .param(orderNo)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
