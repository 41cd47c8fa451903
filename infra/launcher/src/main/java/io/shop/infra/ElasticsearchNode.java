package io.shop.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The single Elasticsearch 7.17 node of {@code infra/elasticsearch-node} in a child JVM: HTTP on
 * 127.0.0.1:9200, transport on 127.0.0.1:9300, data under the data folder.
 */
final class ElasticsearchNode extends ChildJvmMiddleware {

    static final String URL = "http://127.0.0.1:9200";

    ElasticsearchNode(Path classpathFile, Path dataDir) {
        super(childJvm(classpathFile, dataDir));
    }

    private static ChildJvm childJvm(Path classpathFile, Path dataDir) {
        Path home = dataDir.resolve("elasticsearch");
        return new ChildJvm(
                classpathFile,
                List.of(
                        "-Xms512m",
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        // the settings Elasticsearch's own jvm.options sets for its Netty and log4j
                        "-Dio.netty.noUnsafe=true",
                        "-Dio.netty.noKeySetOptimization=true",
                        "-Dio.netty.recycler.maxCapacityPerThread=0",
                        "-Dio.netty.allocator.numDirectArenas=0",
                        "-Dlog4j.shutdownHookEnabled=false",
                        "-Dlog4j2.disable.jmx=true"),
                "io.shop.infra.elasticsearch.EmbeddedElasticsearchNode",
                List.of(home.toString()),
                home,
                dataDir.resolve("logs").resolve("elasticsearch.log"));
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public String awaitReady(Duration timeout) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create(URL + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                .timeout(Duration.ofSeconds(10))
                .build();
        return Polling.until(timeout, () -> {
            jvm.ensureAlive();
            HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("cluster health answered " + response.statusCode() + ": " + response.body());
            }
            return URL;
        });
    }
}
