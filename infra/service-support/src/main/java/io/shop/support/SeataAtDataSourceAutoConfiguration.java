package io.shop.support;

import javax.sql.DataSource;
import org.apache.seata.rm.datasource.DataSourceProxy;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts a service's data source under Seata AT without fighting Flyway.
 *
 * <p>Seata's own auto-proxy wraps the data source the moment it is created and refuses to start
 * if {@code undo_log} is missing, which on a fresh database is before Flyway could create it. So
 * Seata's auto-proxy is off (shop-defaults) and the data source is wrapped here in an
 * {@link AtDataSource}: Flyway migrates through the raw data source, and Seata's proxy is
 * built once every bean, Flyway included, is ready.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({DataSourceProxy.class, Flyway.class})
@ConditionalOnProperty(name = "seata.enabled", matchIfMissing = true)
public class SeataAtDataSourceAutoConfiguration {

    @Bean
    static BeanPostProcessor seataAtDataSourceWrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof AtDataSource)
                        ? new AtDataSource(dataSource)
                        : bean;
            }
        };
    }

    /** Once Flyway has run, every AT data source registers with Seata, ready for rollbacks. */
    @Bean
    static SmartInitializingSingleton registerAtDataSourcesWithSeata(ObjectProvider<DataSource> dataSources) {
        return () -> dataSources.forEach(dataSource -> {
            if (dataSource instanceof AtDataSource at) {
                at.registerWithSeata();
            }
        });
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    FlywayConfigurationCustomizer migrateOutsideSeata(DataSource dataSource) {
        return configuration -> {
            if (dataSource instanceof AtDataSource at) {
                configuration.dataSource(at.getTargetDataSource());
            }
        };
    }
}
