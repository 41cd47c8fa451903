package io.shop.k8s;

import static io.shop.k8s.Manifests.asMap;
import static io.shop.k8s.Manifests.list;
import static io.shop.k8s.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** infra/compose/compose.yaml, read as it is (its anchors merged). */
class ComposeFileTest {

    private static final Map<String, Object> SERVICES = map(Repo.yaml(Repo.COMPOSE), "services");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|IDENTITY_VALUE|CLI_AUTH)$");
    private static final Pattern HOST_AND_PORT = Pattern.compile("(?:^|[@/])([a-z][a-z0-9-]*):\\d+");

    @Test
    void everyDeployableRunsFromTheImageJibBuildsForIt() {
        Map<String, String> shopImages = new LinkedHashMap<>();
        SERVICES.forEach((name, service) -> {
            String image = (String) asMap(service).get("image");
            if (image.startsWith("shop/")) {
                shopImages.put(name, image);
            }
        });
        Map<String, String> expected = new LinkedHashMap<>();
        Repo.deployables().forEach(name -> expected.put(name, "shop/" + name + ":" + Repo.projectVersion()));
        assertThat(shopImages).isEqualTo(expected);
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        SERVICES.forEach((name, service) -> {
            String image = (String) asMap(service).get("image");
            assertThat(image).as(name).contains(":");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as(name + "'s image tag").isNotEqualTo("latest").containsPattern("\\d");
        });
    }

    @Test
    void everyShopServiceIsGivenOnlyVariablesItReads() {
        for (String deployable : Repo.deployables()) {
            assertThat(Repo.variablesReadBy(deployable))
                    .as(deployable + "'s environment in compose.yaml")
                    .containsAll(environment(deployable).keySet());
        }
    }

    @Test
    void everySecretComesFromTheUncommittedEnvFile() {
        SERVICES.keySet().forEach(name -> environment(name).forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).matches()) {
                assertThat(value).as(name + " " + variable).startsWith("${");
            }
        }));
    }

    @Test
    void everyPublishedPortBindsLoopbackOnly() {
        SERVICES.forEach((name, service) -> {
            for (Object port : list(asMap(service), "ports")) {
                if (port instanceof Map<?, ?> longSyntax) {
                    assertThat(longSyntax.get("host_ip")).as(name + " " + port).isEqualTo("127.0.0.1");
                } else {
                    assertThat(port).as(name + " port").isInstanceOf(String.class);
                    assertThat((String) port).as(name + " port").startsWith("127.0.0.1:");
                }
            }
        });
    }

    @Test
    void everyConditionalDependencyWaitsForAServiceThatReportsIt() {
        SERVICES.forEach((name, service) -> dependencies(name).forEach((dependency, condition) -> {
            assertThat(SERVICES).as(name + " depends on").containsKey(dependency);
            Map<String, Object> target = asMap(SERVICES.get(dependency));
            switch (condition) {
                case "service_healthy" ->
                    assertThat(target)
                            .as(dependency + " has a healthcheck, since " + name + " waits for it to be healthy")
                            .containsKey("healthcheck");
                case "service_completed_successfully" ->
                    assertThat(target.get("restart"))
                            .as(dependency + " runs once, since " + name + " waits for it to finish")
                            .isEqualTo("no");
                default -> assertThat(condition).as(name + " -> " + dependency).isEqualTo("service_started");
            }
        }));
    }

    @Test
    void everyShopServiceStartsAfterTheMiddlewareItsEnvironmentNames() {
        for (String deployable : Repo.deployables()) {
            Set<String> named = new TreeSet<>();
            for (String value : environment(deployable).values()) {
                Matcher matcher = HOST_AND_PORT.matcher(value);
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
            named.retainAll(SERVICES.keySet());
            named.remove(deployable);
            assertThat(transitiveDependencies(deployable))
                    .as(deployable + " starts after what it calls")
                    .containsAll(named);
        }
    }

    @Test
    void everyShopServiceRunsReadOnlyWithoutCapabilities() {
        for (String deployable : Repo.deployables()) {
            Map<String, Object> service = asMap(SERVICES.get(deployable));
            assertThat(service).as(deployable).containsEntry("read_only", true);
            assertThat(list(service, "cap_drop")).as(deployable).containsExactly("ALL");
            assertThat(list(service, "tmpfs"))
                    .as(deployable + ": a writable /tmp")
                    .anySatisfy(tmpfs -> assertThat((String) tmpfs).startsWith("/tmp"));
        }
    }

    /** A service's environment, in either of compose's spellings (map, or list of NAME=value). */
    private static Map<String, String> environment(String service) {
        Object environment = asMap(SERVICES.get(service)).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return variables;
    }

    /** depends_on as service to condition (a plain list means service_started). */
    private static Map<String, String> dependencies(String service) {
        Object dependsOn = asMap(SERVICES.get(service)).get("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((name, value) -> conditions.put(
                    String.valueOf(name), (String) asMap(value).getOrDefault("condition", "service_started")));
        } else if (dependsOn instanceof List<?> names) {
            names.forEach(name -> conditions.put(String.valueOf(name), "service_started"));
        }
        return conditions;
    }

    private static Set<String> transitiveDependencies(String service) {
        Set<String> seen = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(dependencies(service).keySet());
        while (!next.isEmpty()) {
            String dependency = next.pop();
            if (seen.add(dependency)) {
                next.addAll(dependencies(dependency).keySet());
            }
        }
        return seen;
    }
}
