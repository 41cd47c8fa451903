package io.shop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs against the Elasticsearch node that the launcher started, over plain HTTP. */
class ElasticsearchIndexAndQueryIT {

    private static final String URL = ElasticsearchNode.URL;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String index = "selftest-" + UUID.randomUUID();

    @Test
    void matchQueryFindsOnlyTheDocumentThatContainsTheWord() throws Exception {
        assertThat(call("PUT", "/" + index, "{\"settings\":{\"number_of_replicas\":0}}"))
                .isEqualTo(200);
        assertThat(call("PUT", "/" + index + "/_doc/1", "{\"title\":\"cast iron skillet\"}"))
                .isEqualTo(201);
        assertThat(call("PUT", "/" + index + "/_doc/2", "{\"title\":\"walnut cutting board\"}"))
                .isEqualTo(201);
        assertThat(call("POST", "/" + index + "/_refresh", "")).isEqualTo(200);

        HttpResponse<String> found = send(
                "POST",
                "/" + index + "/_search?filter_path=hits.total.value,hits.hits._id",
                "{\"query\":{\"match\":{\"title\":\"walnut\"}}}");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).isEqualTo("{\"hits\":{\"total\":{\"value\":1},\"hits\":[{\"_id\":\"2\"}]}}");
    }

    @AfterEach
    void deleteIndex() throws Exception {
        send("DELETE", "/" + index, "");
    }

    private int call(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(URL + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
