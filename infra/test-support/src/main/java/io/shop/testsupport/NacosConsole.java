package io.shop.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an operator does in the Nacos console, through the Nacos 3 admin API the console calls:
 * publish a data id, read it, list its history and read an old version; list a service's
 * instances and take one offline or back online. Signed in with {@code
 * NACOS_USERNAME} / {@code NACOS_PASSWORD} at {@code NACOS_ADDRESS}, in {@code NACOS_NAMESPACE}.
 */
public final class NacosConsole {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String namespace;
    private final String token;

    public NacosConsole() throws Exception {
        base = "http://" + System.getenv("NACOS_ADDRESS") + "/nacos/v3";
        namespace = System.getenv().getOrDefault("NACOS_NAMESPACE", "");
        String username = System.getenv().getOrDefault("NACOS_USERNAME", "");
        token = username.isEmpty()
                ? ""
                : send(post(
                                "/auth/user/login",
                                Map.of("username", username, "password", System.getenv("NACOS_PASSWORD"))))
                        .path("accessToken")
                        .asText();
    }

    /** Publishes a data id: YAML when its name ends in {@code .yml}, JSON otherwise (Sentinel rules). */
    public void publish(String dataId, String group, String content) throws Exception {
        send(post(
                "/admin/cs/config",
                Map.of(
                        "dataId", dataId,
                        "groupName", group,
                        "namespaceId", namespace,
                        "type", dataId.endsWith(".yml") ? "yaml" : "json",
                        "content", content)));
    }

    /** The data id's content; empty when there is no such data id. */
    public Optional<String> content(String dataId, String group) throws Exception {
        HttpRequest request =
                get("/admin/cs/config", Map.of("dataId", dataId, "groupName", group, "namespaceId", namespace));
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(request, response).path("data").path("content").asText());
    }

    /** Puts a data id back as it was: publishes the content, or deletes it if there was none. */
    public void restore(String dataId, String group, Optional<String> content) throws Exception {
        if (content.isPresent()) {
            publish(dataId, group, content.get());
            return;
        }
        Map<String, String> query = Map.of("dataId", dataId, "groupName", group, "namespaceId", namespace);
        send(authorized(HttpRequest.newBuilder(URI.create(base + "/admin/cs/config?" + form(query))))
                .DELETE()
                .build());
    }

    /** History entry ids, newest first; each holds the content the data id had before that change. */
    public List<Long> history(String dataId, String group) throws Exception {
        JsonNode page = send(get(
                "/admin/cs/history/list",
                Map.of(
                        "dataId", dataId,
                        "groupName", group,
                        "namespaceId", namespace,
                        "pageNo", "1",
                        "pageSize", "20")));
        List<Long> ids = new ArrayList<>();
        page.path("data")
                .path("pageItems")
                .forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    public String historicContent(String dataId, String group, long id) throws Exception {
        return send(get(
                        "/admin/cs/history",
                        Map.of(
                                "nid",
                                String.valueOf(id),
                                "dataId",
                                dataId,
                                "groupName",
                                group,
                                "namespaceId",
                                namespace)))
                .path("data")
                .path("content")
                .asText();
    }

    /** An instance of a service as the console lists it. */
    public record Instance(String ip, int port, String clusterName, boolean enabled) {}

    public List<Instance> instances(String service, String group) throws Exception {
        JsonNode list = send(get(
                        "/admin/ns/instance/list",
                        Map.of("serviceName", service, "groupName", group, "namespaceId", namespace)))
                .path("data");
        List<Instance> instances = new ArrayList<>();
        list.forEach(item -> instances.add(new Instance(
                item.path("ip").asText(),
                item.path("port").asInt(),
                item.path("clusterName").asText(),
                item.path("enabled").asBoolean())));
        return instances;
    }

    /** The console's "offline" / "online" on one instance: its callers stop or start picking it. */
    public void setEnabled(String service, String group, Instance instance, boolean enabled) throws Exception {
        Map<String, String> query = Map.of(
                "serviceName", service,
                "groupName", group,
                "namespaceId", namespace,
                "ip", instance.ip(),
                "port", String.valueOf(instance.port()),
                "clusterName", instance.clusterName(),
                "enabled", String.valueOf(enabled));
        send(authorized(HttpRequest.newBuilder(URI.create(base + "/admin/ns/instance/partial?" + form(query))))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private HttpRequest post(String path, Map<String, String> form) {
        return authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
    }

    private HttpRequest get(String path, Map<String, String> query) {
        return authorized(HttpRequest.newBuilder(URI.create(base + path + "?" + form(query))))
                .GET()
                .build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null || token.isEmpty() ? request : request.header("accessToken", token);
    }

    private JsonNode send(HttpRequest request) throws Exception {
        return read(request, http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonNode read(HttpRequest request, HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    request.uri().getPath() + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
