package io.shop.gateway.ratelimit;

import com.alibaba.csp.sentinel.adapter.gateway.common.SentinelGatewayConstants;
import com.alibaba.csp.sentinel.adapter.gateway.common.api.ApiDefinition;
import com.alibaba.csp.sentinel.adapter.gateway.common.api.ApiPathPredicateItem;
import com.alibaba.csp.sentinel.adapter.gateway.common.api.ApiPredicateItem;
import com.alibaba.csp.sentinel.adapter.gateway.common.api.GatewayApiDefinitionManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The calls anyone may make without a token and that cost the shop a password hash or a token
 * lookup: log in, refresh, register. One Sentinel API group ({@value #NAME}), so a gateway flow rule
 * can count them per client address across their routes; the rule itself (how many per second) is
 * in the rule data source with the others. Only these exact paths: {@code /api/users/me} on the
 * same route is a signed-in call, limited per user instead.
 */
final class AnonymousAuthApi {

    static final String NAME = "anonymous-auth";

    static final List<String> PATHS = List.of("/api/auth/login", "/api/auth/refresh", "/api/users");

    static ApiDefinition definition() {
        Set<ApiPredicateItem> paths = new LinkedHashSet<>();
        PATHS.forEach(path -> paths.add(new ApiPathPredicateItem()
                .setPattern(path)
                .setMatchStrategy(SentinelGatewayConstants.URL_MATCH_STRATEGY_EXACT)));
        return new ApiDefinition(NAME).setPredicateItems(paths);
    }

    /** Sentinel keeps API groups in a static registry, which the gateway filter matches against. */
    static void register() {
        GatewayApiDefinitionManager.loadApiDefinitions(Set.of(definition()));
    }

    private AnonymousAuthApi() {}
}
