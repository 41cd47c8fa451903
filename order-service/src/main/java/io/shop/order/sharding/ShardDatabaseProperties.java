package io.shop.order.sharding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The physical order databases, in shard order ({@code shop.order.shards}). */
@Validated
@ConfigurationProperties("shop.order.shards")
record ShardDatabaseProperties(
        @Size(min = OrderShards.DATABASES, max = OrderShards.DATABASES) List<@NotBlank String> urls,
        String username,
        String password,
        @Positive int poolSize) {}
