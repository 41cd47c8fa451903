package io.shop.k8s;

import static io.shop.k8s.Manifests.asMap;
import static io.shop.k8s.Manifests.find;
import static io.shop.k8s.Manifests.kustomization;
import static io.shop.k8s.Manifests.list;
import static io.shop.k8s.Manifests.map;
import static io.shop.k8s.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.shop.k8s.Manifests.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class KustomizeLayoutTest {

    private static final Path DEV = Repo.K8S.resolve("overlays/dev");
    private static final Path PROD = Repo.K8S.resolve("overlays/prod");
    private static final List<Path> KUSTOMIZATIONS = List.of(Repo.BASE, DEV, PROD);

    @Test
    void everyFileAKustomizationListsExistsAndParsesAsKubernetesObjects() {
        for (Path dir : KUSTOMIZATIONS) {
            assertThat(kustomization(dir)).as(dir + "/kustomization.yaml").containsEntry("kind", "Kustomization");
            for (Path path : listedFiles(dir)) {
                assertThat(path).as("listed in " + dir + "/kustomization.yaml").exists();
                if (Files.isDirectory(path)) {
                    assertThat(path.resolve("kustomization.yaml")).exists();
                    continue;
                }
                List<Map<String, Object>> documents = Repo.yamlDocuments(path);
                assertThat(documents).as(path + " holds objects").isNotEmpty();
                for (Map<String, Object> document : documents) {
                    assertThat(document).as(path.toString()).containsKeys("apiVersion", "kind", "metadata");
                    assertThat(map(document, "metadata")).as(path.toString()).containsKey("name");
                }
            }
        }
    }

    @Test
    void everyManifestFileIsListedByItsKustomization() throws IOException {
        Set<Path> listed = new HashSet<>();
        KUSTOMIZATIONS.forEach(dir -> listed.addAll(listedFiles(dir)));
        for (Path dir : KUSTOMIZATIONS) {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> unlisted = files.filter(f -> f.toString().endsWith(".yaml"))
                        .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                        .filter(f -> !listed.contains(f))
                        .toList();
                assertThat(unlisted)
                        .as("manifests in " + dir + " that no kustomization applies")
                        .isEmpty();
            }
        }
    }

    @Test
    void theOverlaysPatchOnlyResourcesAndFieldsThatExistInBase() {
        List<Resource> base = Manifests.base();
        for (Path overlay : List.of(DEV, PROD)) {
            Map<String, Object> kustomization = kustomization(overlay);
            for (Object entry : list(kustomization, "patches")) {
                Map<String, Object> patch = asMap(entry);
                Map<String, Object> target = map(patch, "target");
                if (patch.get("path") != null) {
                    for (Map<String, Object> document :
                            Repo.yamlDocuments(overlay.resolve((String) patch.get("path")))) {
                        String kind = (String) document.get("kind");
                        String name = (String) map(document, "metadata").get("name");
                        assertThat(find(base, kind, name))
                                .as(overlay + " patches " + kind + " " + name)
                                .isPresent();
                    }
                } else {
                    List<Resource> targets = base.stream()
                            .filter(r -> r.kind().equals(target.get("kind")))
                            .filter(r -> target.get("name") == null || r.name().equals(target.get("name")))
                            .toList();
                    assertThat(targets).as(overlay + " patches " + target).isNotEmpty();
                    for (Object operation : jsonPatch((String) patch.get("patch"))) {
                        Map<String, Object> op = asMap(operation);
                        if (List.of("replace", "remove").contains(op.get("op"))) {
                            targets.forEach(resource -> assertThat(
                                            pointerExists(resource.body(), (String) op.get("path")))
                                    .as(overlay + ": " + op.get("op") + " " + op.get("path") + " of " + resource)
                                    .isTrue());
                        }
                    }
                }
            }
            for (String name : replicas(kustomization).keySet()) {
                assertThat(find(base, "Deployment", name))
                        .as(overlay + " sets the replicas of " + name)
                        .isPresent();
            }
        }
    }

    @Test
    void devRunsOneReplicaOfEveryDeployableInNamespaceShopDev() {
        Map<String, Object> dev = kustomization(DEV);

        assertThat(dev).containsEntry("namespace", "shop-dev");
        assertThat(find(Manifests.resources(DEV), "Namespace", "shop-dev")).isPresent();
        Map<String, Integer> expected = new LinkedHashMap<>();
        Repo.deployables().forEach(name -> expected.put(name, 1));
        assertThat(replicas(dev)).isEqualTo(expected);
    }

    @Test
    void prodRunsThreeReplicasOfTheGatewayProductAndOrderServiceInNamespaceShop() {
        Map<String, Object> prod = kustomization(PROD);

        assertThat(prod).containsEntry("namespace", "shop");
        assertThat(find(Manifests.resources(PROD), "Namespace", "shop")).isPresent();
        assertThat(replicas(prod))
                .containsEntry("gateway", 3)
                .containsEntry("product-service", 3)
                .containsEntry("order-service", 3);
    }

    @Test
    void noSecretIsCommitted() {
        for (Path dir : KUSTOMIZATIONS) {
            assertThat(kustomization(dir)).as(dir.toString()).doesNotContainKey("secretGenerator");
            assertThat(ofKind(Manifests.resources(dir), "Secret"))
                    .as(dir.toString())
                    .isEmpty();
        }
    }

    /** The files a kustomization names: its resources and its patch files. */
    private static List<Path> listedFiles(Path dir) {
        Map<String, Object> kustomization = kustomization(dir);
        List<Path> files = new ArrayList<>();
        list(kustomization, "resources")
                .forEach(entry -> files.add(dir.resolve((String) entry).normalize()));
        for (Object patch : list(kustomization, "patches")) {
            Object path = asMap(patch).get("path");
            if (path != null) {
                files.add(dir.resolve((String) path).normalize());
            }
        }
        return files;
    }

    private static Map<String, Integer> replicas(Map<String, Object> kustomization) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        list(kustomization, "replicas").forEach(entry -> {
            Map<String, Object> replica = asMap(entry);
            counts.put((String) replica.get("name"), (Integer) replica.get("count"));
        });
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> jsonPatch(String text) {
        Object patch = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        assertThat(patch)
                .as("an inline patch with a target is a JSON patch (a list): " + text)
                .isInstanceOf(List.class);
        return (List<Object>) patch;
    }

    /** Whether a JSON pointer (/spec/template/spec/containers/0/resources) leads to a value. */
    private static boolean pointerExists(Object document, String pointer) {
        Object current = document;
        for (String step : pointer.substring(1).split("/")) {
            if (current instanceof Map<?, ?> map && map.containsKey(step)) {
                current = map.get(step);
            } else if (current instanceof List<?> list
                    && step.matches("\\d+")
                    && Integer.parseInt(step) < list.size()) {
                current = list.get(Integer.parseInt(step));
            } else {
                return false;
            }
        }
        return true;
    }
}
