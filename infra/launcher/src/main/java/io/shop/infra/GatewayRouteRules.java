package io.shop.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.ZooKeeper;

/**
 * Raises the gateway's route rules for a load test and puts them back afterwards
 * ({@code infra/loadtest/run}), so that a run measures capacity rather than the default limits.
 * Route rules are the Sentinel QPS rules of a whole route; the per-user and per-client rules (those
 * with a {@code paramItem}) are behaviour a plan may measure and stay as they are.
 *
 * <pre>
 * raise   &lt;zookeeper&gt; &lt;node&gt; &lt;qps&gt; &lt;saved file&gt;   saves the node's rules, sets every route rule to qps
 * restore &lt;zookeeper&gt; &lt;node&gt; &lt;saved file&gt;         writes the saved rules back
 * </pre>
 */
public final class GatewayRouteRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("raise")) {
            try (ZooKeeper zookeeper = ConfigPush.connect(args[1])) {
                byte[] rules = zookeeper.getData(args[2], false, null);
                Files.write(Path.of(args[4]), rules);
                zookeeper.setData(args[2], raised(rules, Long.parseLong(args[3])), -1);
            }
        } else if (args.length == 4 && args[0].equals("restore")) {
            try (ZooKeeper zookeeper = ConfigPush.connect(args[1])) {
                zookeeper.setData(args[2], Files.readAllBytes(Path.of(args[3])), -1);
            }
        } else {
            System.err.println("usage: GatewayRouteRules raise <zookeeper> <node> <qps> <saved file>"
                    + " | restore <zookeeper> <node> <saved file>");
            System.exit(2);
        }
    }

    /** The same rules with every route rule's count at {@code qps}. */
    static byte[] raised(byte[] rules, long qps) throws java.io.IOException {
        ArrayNode all = (ArrayNode) JSON.readTree(rules);
        for (JsonNode rule : all) {
            boolean wholeRoute =
                    !rule.has("paramItem") && rule.path("resourceMode").asInt(0) == 0;
            if (wholeRoute) {
                ((ObjectNode) rule).put("count", qps);
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all);
    }

    private GatewayRouteRules() {}
}
