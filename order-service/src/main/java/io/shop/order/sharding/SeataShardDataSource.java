package io.shop.order.sharding;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.seata.rm.datasource.DataSourceProxy;

/**
 * One physical order database under Seata AT, as ShardingSphere takes it. ShardingSphere reads a
 * provided data source's connection settings through its getters ({@code url}, {@code username},
 * {@code password}), reflectively (so the class is public), and fails on Seata's plain proxy,
 * which has none.
 */
public final class SeataShardDataSource extends DataSourceProxy {

    private final HikariDataSource pool;

    SeataShardDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    public String getUrl() {
        return pool.getJdbcUrl();
    }

    public String getUsername() {
        return pool.getUsername();
    }

    public String getPassword() {
        return pool.getPassword();
    }
}
