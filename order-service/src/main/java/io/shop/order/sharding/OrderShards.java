package io.shop.order.sharding;

/**
 * Where a user's orders live: the low four bits of the user id pick one of 2 databases × 8 tables.
 * Order numbers end in these bits too (two decimal digits), so an order number alone routes to the
 * one table that holds it.
 */
public final class OrderShards {

    public static final int DATABASES = 2;
    public static final int TABLES_PER_DATABASE = 8;
    public static final int SHARDS = DATABASES * TABLES_PER_DATABASE;

    private OrderShards() {}

    public static int shardOfUser(long userId) {
        return (int) Math.floorMod(userId, (long) SHARDS);
    }

    /** The shard an order number was made for, or -1 when it is not one of ours. */
    public static int shardOfOrderNo(String orderNo) {
        if (orderNo == null || orderNo.length() < 3 || !orderNo.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int shard = Integer.parseInt(orderNo.substring(orderNo.length() - 2));
        return shard < SHARDS ? shard : -1;
    }

    public static int database(int shard) {
        return shard % DATABASES;
    }

    public static int table(int shard) {
        return shard / DATABASES;
    }
}
