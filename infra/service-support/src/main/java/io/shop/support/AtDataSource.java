package io.shop.support;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.seata.rm.datasource.DataSourceProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source whose connections take part in Seata AT. Seata's proxy (which checks for
 * {@code undo_log} and registers the database with Seata) is built on first use or by
 * {@link #registerWithSeata()}, whichever comes first.
 */
final class AtDataSource extends DelegatingDataSource {

    private volatile DataSourceProxy proxy;

    AtDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return proxy().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return proxy().getConnection(username, password);
    }

    void registerWithSeata() {
        proxy();
    }

    private DataSourceProxy proxy() {
        DataSourceProxy current = proxy;
        if (current == null) {
            synchronized (this) {
                if (proxy == null) {
                    proxy = new DataSourceProxy(obtainTargetDataSource());
                }
                current = proxy;
            }
        }
        return current;
    }
}
