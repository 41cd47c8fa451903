package io.shop.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Kubernetes objects of a Kustomize directory, read from its files as they are. */
final class Manifests {

    /** One object of a manifest file. */
    record Resource(Path file, Map<String, Object> body) {

        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return (String) map(body, "metadata").get("name");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + Repo.ROOT.relativize(file) + ")";
        }
    }

    private Manifests() {}

    static Map<String, Object> kustomization(Path dir) {
        return Repo.yaml(dir.resolve("kustomization.yaml"));
    }

    /** Every object a kustomization lists, following directories to their own kustomization. */
    static List<Resource> resources(Path dir) {
        List<Resource> resources = new ArrayList<>();
        for (Object entry : list(kustomization(dir), "resources")) {
            Path path = dir.resolve((String) entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(resources(path));
            } else {
                for (Map<String, Object> body : Repo.yamlDocuments(path)) {
                    resources.add(new Resource(path, body));
                }
            }
        }
        return resources;
    }

    static List<Resource> base() {
        return resources(Repo.BASE);
    }

    static List<Resource> ofKind(List<Resource> resources, String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    static Optional<Resource> find(List<Resource> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.kind().equals(kind) && r.name().equals(name))
                .findFirst();
    }

    /** The pod template's labels of a Deployment. */
    static Map<String, Object> podLabels(Resource deployment) {
        return map(deployment.body(), "spec", "template", "metadata", "labels");
    }

    static Map<String, Object> podSpec(Resource deployment) {
        return map(deployment.body(), "spec", "template", "spec");
    }

    /** A Deployment's one container (each deployable runs alone in its pod). */
    static Map<String, Object> container(Resource deployment) {
        List<Object> containers = list(podSpec(deployment), "containers");
        if (containers.size() != 1) {
            throw new AssertionError(deployment + " has " + containers.size() + " containers, not one");
        }
        return asMap(containers.get(0));
    }

    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** The map at a path of keys; empty when any step is missing. */
    static Map<String, Object> map(Map<String, Object> from, String... path) {
        Object current = from;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || map.get(key) == null) {
                return Map.of();
            }
            current = map.get(key);
        }
        return asMap(current);
    }

    /** The list under a key of the map at a path; empty when missing. */
    static List<Object> list(Map<String, Object> from, String... path) {
        Map<String, Object> parent = map(from, Arrays.copyOf(path, path.length - 1));
        Object value = parent.get(path[path.length - 1]);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new AssertionError(String.join(".", path) + " is no list: " + value);
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("no map: " + value);
        }
        return (Map<String, Object>) value;
    }
}
