package io.shop.search.product;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Names of the product index, all derived from its alias: the alias searches and writes use, the
 * alias of an index being rebuilt, and the versioned indices behind them.
 */
record IndexNames(String alias) {

    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    /** Points at the index a full reindex is filling, while it runs; writers write there too. */
    String building() {
        return alias + "-building";
    }

    /** The index created when no alias exists yet. */
    String first() {
        return alias + "-v1";
    }

    /** The index a full reindex started at that moment builds. */
    String rebuiltAt(Instant at) {
        return alias + "-v" + VERSION.format(at);
    }

    /** When a rebuilt index was started, read back from its name. */
    Optional<Instant> startOf(String index) {
        String prefix = alias + "-v";
        if (!index.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(VERSION.parse(index.substring(prefix.length()))));
        } catch (DateTimeParseException notRebuilt) {
            return Optional.empty();
        }
    }
}
