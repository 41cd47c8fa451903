package io.shop.order.sharding;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration that changes every copy of the order tables in a database ({@link
 * OrderShards#TABLES_PER_DATABASE}) the same way: its statements run for each copy in turn, with
 * {@code %1$d} standing for the copy's number. The checksum stays 1: a migration's statements, once
 * released, never change.
 */
abstract class EveryOrderTable extends BaseJavaMigration {

    /** What each copy gets, in order; {@code %1$d} is the copy's number. */
    abstract List<String> statements();

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (int table = 0; table < OrderShards.TABLES_PER_DATABASE; table++) {
                for (String statement : statements()) {
                    sql.execute(statement.formatted(table));
                }
            }
        }
    }
}
