package io.shop.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./shop config push} with the Nacos registry: each {@code infra/config/<service>.yml} becomes
 * the data id {@code <service>.yml} of group {@value #CONFIG_GROUP}, and each Sentinel rules file
 * {@code infra/config/sentinel/<name>.json} (the gateway's, the services') the data id {@code <name>}
 * of group {@value #RULES_GROUP}, in {@code NACOS_NAMESPACE}
 * (the public namespace when empty), through the Nacos 3 admin API, signed in with {@code
 * NACOS_USERNAME} and {@code NACOS_PASSWORD}. A data id that exists keeps its content, since an
 * operator may have changed it in the console, unless {@code --force}.
 *
 * <p>Arguments: {@code <config folder> <nacos address> [--force]}.
 */
public final class NacosConfigPush {

    static final String CONFIG_GROUP = "SHOP_CONFIG";
    static final String RULES_GROUP = "SHOP_SENTINEL";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String namespace;
    private final String accessToken;

    NacosConfigPush(String address, String namespace, String username, String password)
            throws IOException, InterruptedException {
        this.base = "http://" + address + "/nacos";
        this.namespace = namespace;
        this.accessToken = username.isEmpty() ? "" : login(username, password);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: NacosConfigPush <config folder> <nacos address> [--force]");
            System.exit(2);
        }
        boolean force = List.of(args).contains("--force");
        NacosConfigPush nacos =
                new NacosConfigPush(args[1], env("NACOS_NAMESPACE"), env("NACOS_USERNAME"), env("NACOS_PASSWORD"));
        int written = 0;
        int kept = 0;
        for (Map.Entry<DataId, String> config : configsOf(Path.of(args[0])).entrySet()) {
            if (nacos.publish(config.getKey(), config.getValue(), force)) {
                written++;
            } else {
                kept++;
            }
        }
        System.out.printf(
                "config push: %d written, %d kept as they were in Nacos%s%n",
                written, kept, kept > 0 ? " (--force overwrites them)" : "");
    }

    record DataId(String dataId, String group, String type) {}

    static Map<DataId, String> configsOf(Path folder) throws IOException {
        Map<DataId, String> configs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                configs.put(new DataId(file.getFileName().toString(), CONFIG_GROUP, "yaml"), Files.readString(file));
            }
        }
        ConfigPush.rulesOf(folder.resolve("sentinel"), "")
                .forEach((node, rules) -> configs.put(new DataId(node.substring(1), RULES_GROUP, "json"), rules));
        return configs;
    }

    /** Publishes the content unless the data id exists (always, with {@code force}); true if it wrote. */
    boolean publish(DataId id, String content, boolean force) throws IOException, InterruptedException {
        if (!force && exists(id)) {
            return false;
        }
        Map<String, String> form = new LinkedHashMap<>(query(id));
        form.put("content", content);
        form.put("type", id.type());
        HttpResponse<String> published = http.send(
                request("/v3/admin/cs/config", Map.of())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (published.statusCode() != 200) {
            throw new IOException("Nacos refused " + id + ": " + published.statusCode() + " " + published.body());
        }
        return true;
    }

    private boolean exists(DataId id) throws IOException, InterruptedException {
        HttpResponse<String> found = http.send(
                request("/v3/admin/cs/config", query(id)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (found.statusCode() == 200) {
            return true;
        }
        if (found.statusCode() == 404) {
            return false;
        }
        throw new IOException("Nacos answered " + found.statusCode() + " for " + id + ": " + found.body());
    }

    private Map<String, String> query(DataId id) {
        return Map.of("dataId", id.dataId(), "groupName", id.group(), "namespaceId", namespace);
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        String uri = base + path + (query.isEmpty() ? "" : "?" + encode(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10));
        return accessToken.isEmpty() ? request : request.header("accessToken", accessToken);
    }

    private String login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v3/auth/user/login"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                encode(Map.of("username", username, "password", password))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(
                    "Nacos login as " + username + " failed: " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).path("accessToken").asText();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
