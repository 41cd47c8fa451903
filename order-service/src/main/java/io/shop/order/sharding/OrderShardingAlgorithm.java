package io.shop.order.sharding;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;

/**
 * Routes the order tables by {@code user_id} when a statement names it, otherwise by the shard
 * digits at the end of {@code order_no}; a statement with neither goes to every table. Loaded by
 * ShardingSphere's CLASS_BASED algorithm with property {@code level} = {@code database} or {@code
 * table}.
 */
public final class OrderShardingAlgorithm implements ComplexKeysShardingAlgorithm<Comparable<?>> {

    static final String USER_ID = "user_id";
    static final String ORDER_NO = "order_no";

    private boolean databaseLevel;

    @Override
    public void init(Properties props) {
        databaseLevel = "database".equals(props.getProperty("level"));
    }

    @Override
    public Collection<String> doSharding(
            Collection<String> availableTargetNames, ComplexKeysShardingValue<Comparable<?>> shardingValue) {
        Set<Integer> shards = shards(shardingValue.getColumnNameAndShardingValuesMap());
        if (shards == null) {
            return availableTargetNames;
        }
        Set<String> suffixes = shards.stream()
                .map(shard -> "_" + (databaseLevel ? OrderShards.database(shard) : OrderShards.table(shard)))
                .collect(Collectors.toSet());
        return availableTargetNames.stream()
                .filter(name -> suffixes.stream().anyMatch(name::endsWith))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The shards the statement's values point at; null when it names no sharding value at all. */
    private static Set<Integer> shards(Map<String, Collection<Comparable<?>>> values) {
        Collection<Comparable<?>> userIds = values.get(USER_ID);
        if (userIds != null && !userIds.isEmpty()) {
            return userIds.stream()
                    .map(id -> OrderShards.shardOfUser(((Number) id).longValue()))
                    .collect(Collectors.toSet());
        }
        Collection<Comparable<?>> orderNos = values.get(ORDER_NO);
        if (orderNos != null && !orderNos.isEmpty()) {
            // a malformed number routes nowhere in particular; its own table then holds no such row
            return orderNos.stream()
                    .map(no -> Math.max(0, OrderShards.shardOfOrderNo(String.valueOf(no))))
                    .collect(Collectors.toSet());
        }
        return null;
    }

    @Override
    public String getType() {
        return "SHOP_ORDER";
    }
}
