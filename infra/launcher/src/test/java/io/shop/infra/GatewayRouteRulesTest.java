package io.shop.infra;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GatewayRouteRulesTest {

    @Test
    void onlyWholeRouteRulesAreRaisedAndPerUserOrPerClientRulesStay() throws Exception {
        String rules =
                """
                [
                  {"resource": "product-service", "resourceMode": 0, "grade": 1, "count": 2000, "intervalSec": 1},
                  {"resource": "order-service", "resourceMode": 0, "grade": 1, "count": 20, "intervalSec": 1,
                   "paramItem": {"parseStrategy": 2, "fieldName": "X-Shop-User-Id"}},
                  {"resource": "anonymous-auth", "resourceMode": 1, "grade": 1, "count": 10, "burst": 20,
                   "intervalSec": 1, "paramItem": {"parseStrategy": 0}}
                ]
                """;

        JsonNode raised = new ObjectMapper().readTree(GatewayRouteRules.raised(rules.getBytes(UTF_8), 1_000_000));

        assertThat(raised.get(0).get("count").asLong()).isEqualTo(1_000_000);
        assertThat(raised.get(0).get("resource").asText()).isEqualTo("product-service");
        assertThat(raised.get(1).get("count").asLong()).isEqualTo(20);
        assertThat(raised.get(2).get("count").asLong()).isEqualTo(10);
        assertThat(raised.get(2).get("burst").asLong()).isEqualTo(20);
    }
}
