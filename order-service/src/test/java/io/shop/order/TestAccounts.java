package io.shop.order;

import io.shop.order.sharding.OrderShards;
import io.shop.support.identity.Passports;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.web.client.RestClient;

/**
 * Customers of the running user-service, made straight in its {@code shop_user} tables (columns
 * of user-service's Flyway migrations): an account without a password (nobody signs in as it)
 * and one default shipping address, which checkout asks user-service about. The customer changes
 * it through user-service's own API.
 *
 * <p>Ids come from the table's own AUTO_INCREMENT. A test that needs a certain shard takes fresh
 * ids until one falls into it: choosing an id instead would raise the counter to it for every
 * account registered after, and could take an id user-service is handing out at that moment.
 */
public final class TestAccounts {

    private final JdbcClient userDb;
    private final RestClient userService;
    private final Map<Long, Long> addresses = new ConcurrentHashMap<>();

    TestAccounts(Environment environment) {
        userDb = JdbcClient.create(new DriverManagerDataSource(
                environment.getRequiredProperty("shop.it.user-db"),
                environment.getRequiredProperty("shop.order.shards.username"),
                environment.getProperty("shop.order.shards.password", "")));
        userService = RestClient.builder()
                .baseUrl(environment.getRequiredProperty("shop.it.user-url"))
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
    }

    /** A new customer with one address, in whichever shard their id falls. */
    public long customer() {
        long id = insertAccount();
        addresses.put(id, insertAddress(id));
        return id;
    }

    /** A new customer with one address whose id puts their orders in the given shard. */
    public long customerInShard(int shard) {
        while (true) {
            long id = insertAccount();
            if (OrderShards.shardOfUser(id) == shard) {
                addresses.put(id, insertAddress(id));
                return id;
            }
            userDb.sql("DELETE FROM app_user WHERE id = ?").param(id).update();
        }
    }

    /** The shipping address of a customer made here. */
    public long addressOf(long customer) {
        Long address = addresses.get(customer);
        if (address == null) {
            throw new IllegalArgumentException("customer " + customer + " was not made by TestAccounts");
        }
        return address;
    }

    /** The customer changes the address through user-service's API, as the customer would. */
    public void changeAddress(long customer, long addressId, Map<String, String> details) {
        userService
                .put()
                .uri("/api/addresses/{id}", addressId)
                .headers(h -> as(h, customer))
                .contentType(MediaType.APPLICATION_JSON)
                .body(details)
                .retrieve()
                .toBodilessEntity();
    }

    /** The customer removes the address through user-service's API. */
    public void removeAddress(long customer, long addressId) {
        userService
                .delete()
                .uri("/api/addresses/{id}", addressId)
                .headers(h -> as(h, customer))
                .retrieve()
                .toBodilessEntity();
    }

    private static void as(HttpHeaders headers, long customer) {
        headers.set(
                Passports.HEADER,
                Passports.Issuer.ofGatewayFromEnvironment().issue(String.valueOf(customer), "customer"));
    }

    private long insertAccount() {
        var keys = new GeneratedKeyHolder();
        userDb.sql("INSERT INTO app_user (email, nickname) VALUES (?, 'Order tests')")
                .param("order-it-" + UUID.randomUUID() + "@example.org")
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long insertAddress(long customer) {
        var keys = new GeneratedKeyHolder();
        userDb.sql("INSERT INTO address (user_id, recipient, phone, province, city, district, line1, postcode,"
                        + " is_default) VALUES (?, 'Order Tester', '+8613800138000', 'Zhejiang', 'Hangzhou', 'Xihu',"
                        + " ?, '310000', TRUE)")
                .params(customer, customer + " Test Road")
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
