package io.shop.order.sharding;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableReferenceRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.ComplexShardingStrategyConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order data source: ShardingSphere-JDBC over the physical databases, each wrapped in Seata's
 * AT proxy. ShardingSphere 5.5's own Seata integration is not available, and it would make every
 * statement a branch of its own; instead ShardingSphere runs local transactions on Seata-proxied
 * connections, so one order's rows (which all live in the user's shard) are one AT branch that
 * joins the caller's {@code @GlobalTransactional}. Each database is migrated before its proxy is
 * built, because the proxy wants {@code undo_log} to exist.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardDatabaseProperties.class)
class OrderDataSourceConfiguration {

    static final String[] LOGIC_TABLES = {"t_order", "t_order_item", "t_order_event"};

    @Bean(destroyMethod = "close")
    PhysicalDatabases physicalDatabases(ShardDatabaseProperties properties) {
        List<HikariDataSource> pools = new ArrayList<>();
        for (int i = 0; i < properties.urls().size(); i++) {
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("shop_order_" + i);
            pool.setJdbcUrl(properties.urls().get(i));
            pool.setUsername(properties.username());
            pool.setPassword(properties.password());
            pool.setMaximumPoolSize(properties.poolSize());
            migrate(pool);
            pools.add(pool);
        }
        return new PhysicalDatabases(pools);
    }

    @Bean
    DataSource dataSource(PhysicalDatabases databases) throws SQLException {
        Map<String, DataSource> underSeata = new LinkedHashMap<>();
        for (int i = 0; i < databases.pools().size(); i++) {
            underSeata.put("ds_" + i, new SeataShardDataSource(databases.pools().get(i)));
        }
        return ShardingSphereDataSourceFactory.createDataSource(
                "shop_order", null, underSeata, List.of(shardingRule()), new Properties());
    }

    private static void migrate(DataSource database) {
        migrations(database).load().migrate();
    }

    /** Flyway over one order database with every migration of the order tables, in order. */
    static FluentConfiguration migrations(DataSource database) {
        return Flyway.configure()
                .dataSource(database)
                .locations(new String[0])
                .javaMigrations(
                        new V1__Order_tables(),
                        new V2__Longer_item_specs(),
                        new V3__Order_shipping_address(),
                        new V4__Order_status_index(),
                        new V5__Order_flash_sale(),
                        new V6__Order_pay_by());
    }

    static ShardingRuleConfiguration shardingRule() {
        ShardingRuleConfiguration rule = new ShardingRuleConfiguration();
        String columns = OrderShardingAlgorithm.USER_ID + "," + OrderShardingAlgorithm.ORDER_NO;
        for (String table : LOGIC_TABLES) {
            var tableRule = new ShardingTableRuleConfiguration(
                    table,
                    "ds_${0..%d}.%s_${0..%d}"
                            .formatted(OrderShards.DATABASES - 1, table, OrderShards.TABLES_PER_DATABASE - 1));
            tableRule.setDatabaseShardingStrategy(new ComplexShardingStrategyConfiguration(columns, "order-database"));
            tableRule.setTableShardingStrategy(new ComplexShardingStrategyConfiguration(columns, "order-table"));
            rule.getTables().add(tableRule);
        }
        rule.getBindingTableGroups()
                .add(new ShardingTableReferenceRuleConfiguration("orders", String.join(",", LOGIC_TABLES)));
        rule.getShardingAlgorithms().put("order-database", algorithm("database"));
        rule.getShardingAlgorithms().put("order-table", algorithm("table"));
        return rule;
    }

    private static AlgorithmConfiguration algorithm(String level) {
        Properties props = new Properties();
        props.setProperty("strategy", "COMPLEX");
        props.setProperty("algorithmClassName", OrderShardingAlgorithm.class.getName());
        props.setProperty("level", level);
        return new AlgorithmConfiguration("CLASS_BASED", props);
    }

    /** The connection pools of the physical databases, closed with the application. */
    record PhysicalDatabases(List<HikariDataSource> pools) implements AutoCloseable {
        @Override
        public void close() {
            pools.forEach(HikariDataSource::close);
        }
    }
}
