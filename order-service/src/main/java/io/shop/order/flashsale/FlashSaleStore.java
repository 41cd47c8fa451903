package io.shop.order.flashsale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.flashsale.FlashSaleActivity;
import io.shop.support.redis.LuaScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * An activity's sale state in Redis, changed only by the Lua scripts under {@code
 * resources/flashsale}, each one atomic: {@code meta} (window, limit, quantity), {@code stock}
 * (units left), {@code buyers} (units each user holds), {@code tickets} (ticket id to {@link
 * Ticket}) and {@code keys} (user and idempotency key to ticket id). The keys of one activity
 * share a hash tag, so the scripts also run on a Redis cluster.
 */
@Component
class FlashSaleStore {

    private static final LuaScript PURCHASE = script("purchase");
    private static final LuaScript LOAD = script("load");
    private static final LuaScript SETTLE = script("settle");
    private static final LuaScript RELEASE = script("release");
    private static final LuaScript WITHDRAW = script("withdraw");
    private static final LuaScript SNAPSHOT = script("snapshot");

    private final RedissonClient redis;
    private final ObjectMapper json;
    private final FlashSaleSettings settings;

    FlashSaleStore(RedissonClient redis, ObjectMapper json, FlashSaleSettings settings) {
        this.redis = redis;
        this.json = json;
        this.settings = settings;
    }

    /** What the purchase script answered: an outcome, and the ticket for ACCEPTED and REPLAY. */
    record Attempt(String outcome, String ticket) {}

    Attempt purchase(
            long activityId, long userId, String key, String ticket, Instant now, long addressId, String passport) {
        List<Object> answer = PURCHASE.run(
                redis,
                RScript.ReturnType.MULTI,
                keys(activityId, "meta", "stock", "buyers", "tickets", "keys"),
                userId,
                key,
                ticket,
                now.toEpochMilli(),
                addressId,
                passport);
        return new Attempt((String) answer.get(0), (String) answer.get(1));
    }

    /** Puts the activity into Redis with {@code unitsLeft} to sell, unless it is there; true if this call did. */
    boolean load(FlashSaleActivity activity, int unitsLeft) {
        long expireAt = activity.endsAt().plus(settings.keepAfterEnd()).toEpochMilli();
        return LOAD.run(
                        redis,
                        RScript.ReturnType.INTEGER,
                        keys(activity.id(), "meta", "stock"),
                        activity.startsAt().toEpochMilli(),
                        activity.endsAt().toEpochMilli(),
                        activity.perUserLimit(),
                        activity.quantity(),
                        unitsLeft,
                        expireAt)
                .equals(1L);
    }

    boolean loaded(long activityId) {
        return redis.getMap(key(activityId, "meta"), StringCodec.INSTANCE).isExists();
    }

    /** Units left to sell; empty while the activity is not in Redis. */
    Optional<Integer> remaining(long activityId) {
        Object left =
                redis.getBucket(key(activityId, "stock"), StringCodec.INSTANCE).get();
        return Optional.ofNullable(left).map(value -> Integer.valueOf(value.toString()));
    }

    Optional<Ticket> ticket(long activityId, String ticketId) {
        Object raw =
                redis.getMap(key(activityId, "tickets"), StringCodec.INSTANCE).get(ticketId);
        return Optional.ofNullable(raw).map(value -> parse(ticketId, value.toString()));
    }

    /** Every ticket of the activity (at most its quantity, plus the given back ones). */
    List<Ticket> tickets(long activityId) {
        Map<Object, Object> all =
                redis.getMap(key(activityId, "tickets"), StringCodec.INSTANCE).readAllMap();
        return all.entrySet().stream()
                .map(entry -> parse(entry.getKey().toString(), entry.getValue().toString()))
                .toList();
    }

    /** Units left (empty: not in Redis) and every ticket, at one moment. */
    record Snapshot(Optional<Integer> remaining, List<Ticket> tickets) {}

    Snapshot snapshot(long activityId) {
        List<Object> answer = SNAPSHOT.run(redis, RScript.ReturnType.MULTI, keys(activityId, "stock", "tickets"));
        String left = (String) answer.get(0);
        List<?> flat = (List<?>) answer.get(1);
        List<Ticket> tickets = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            tickets.add(parse(flat.get(i).toString(), flat.get(i + 1).toString()));
        }
        return new Snapshot(left.isEmpty() ? Optional.empty() : Optional.of(Integer.valueOf(left)), tickets);
    }

    /** Marks a queued ticket ORDERED; answers the ticket's status before (only QUEUED changes). */
    String ordered(long activityId, String ticketId, String orderNo) {
        return settle(activityId, ticketId, Ticket.ORDERED, orderNo);
    }

    /** Marks a queued ticket FAILED and gives its unit and quota back; answers the status before. */
    String failed(long activityId, String ticketId, String code) {
        return settle(activityId, ticketId, Ticket.FAILED, code);
    }

    /** The ticket's order was cancelled: its unit goes back, once; true if this call gave it back. */
    boolean release(long activityId, String ticketId, String orderNo) {
        return RELEASE.run(
                        redis,
                        RScript.ReturnType.INTEGER,
                        keys(activityId, "stock", "buyers", "tickets"),
                        ticketId,
                        orderNo)
                .equals(1L);
    }

    /** Undoes an accepted buy that could not be queued; true if it was still QUEUED. */
    boolean withdraw(long activityId, String ticketId) {
        return WITHDRAW.run(
                        redis,
                        RScript.ReturnType.INTEGER,
                        keys(activityId, "stock", "buyers", "tickets", "keys"),
                        ticketId)
                .equals(1L);
    }

    private String settle(long activityId, String ticketId, String outcome, String value) {
        return SETTLE.run(
                redis,
                RScript.ReturnType.VALUE,
                keys(activityId, "stock", "buyers", "tickets"),
                ticketId,
                outcome,
                value);
    }

    private Ticket parse(String ticketId, String raw) {
        try {
            return json.readValue(raw, Ticket.class).withId(ticketId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ticket " + ticketId, e);
        }
    }

    private List<Object> keys(long activityId, String... parts) {
        return java.util.Arrays.stream(parts)
                .<Object>map(part -> key(activityId, part))
                .toList();
    }

    private String key(long activityId, String part) {
        return settings.keyPrefix() + ":{" + activityId + "}:" + part;
    }

    private static LuaScript script(String name) {
        try (InputStream in = FlashSaleStore.class.getResourceAsStream("/flashsale/" + name + ".lua")) {
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
