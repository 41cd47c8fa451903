package io.shop.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The real files the tests check: the repository's poms, the services' application.yml, the manifests. */
final class Repo {

    static final Path ROOT = findRoot();
    static final Path K8S = ROOT.resolve("infra/k8s");
    static final Path BASE = K8S.resolve("base");
    static final Path COMPOSE = ROOT.resolve("infra/compose/compose.yaml");
    static final Path DEPLOYMENT_DOC = ROOT.resolve("docs/deployment.md");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+):?([^}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private Repo() {}

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("infra/k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root above " + Path.of("").toAbsolutePath());
    }

    /** The root pom's modules that repackage a Spring Boot jar: the deployables. */
    static List<String> deployables() {
        List<String> deployables = new ArrayList<>();
        for (Element module : children(pom(ROOT).getDocumentElement(), "modules", "module")) {
            String name = module.getTextContent().trim();
            if (buildPlugin(pom(ROOT.resolve(name)), "spring-boot-maven-plugin") != null) {
                deployables.add(name);
            }
        }
        return deployables;
    }

    static String projectVersion() {
        return text(pom(ROOT).getDocumentElement(), "version");
    }

    /** Every YAML document of a file, as SnakeYAML builds it (maps, lists, scalars). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> documents = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file)) {
            for (Object document : yaml.loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static Map<String, Object> yaml(Path file) {
        return yamlDocuments(file).get(0);
    }

    /**
     * A service's application.yml, flattened to dotted keys (the first document that sets a key
     * wins), each placeholder {@code ${VAR:default}} replaced by its default.
     */
    static Map<String, String> applicationDefaults(String service) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Map<String, Object> document : yamlDocuments(applicationYml(service))) {
            flatten("", document, flat);
        }
        flat.replaceAll((key, value) ->
                PLACEHOLDER.matcher(value).replaceAll(match -> Matcher.quoteReplacement(match.group(2))));
        return flat;
    }

    static int httpPort(String service) {
        return Integer.parseInt(applicationDefaults(service).get("server.port"));
    }

    /** Dubbo's port, or null for a service that serves no Dubbo (the gateway). */
    static Integer dubboPort(String service) {
        String port = applicationDefaults(service).get("dubbo.protocol.port");
        return port == null ? null : Integer.valueOf(port);
    }

    /**
     * The environment variables a service reads: those named in placeholders of its own
     * application*.yml and of service-support's shared configuration, and Spring's profile switch.
     */
    static Set<String> variablesReadBy(String service) {
        Set<String> names = new TreeSet<>(Set.of("SPRING_PROFILES_ACTIVE"));
        List<Path> files = new ArrayList<>(yamlFiles(ROOT.resolve(service).resolve("src/main/resources")));
        files.addAll(yamlFiles(ROOT.resolve("infra/service-support/src/main/resources")));
        for (Path file : files) {
            Matcher matcher = VARIABLE.matcher(read(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    static Path applicationYml(String service) {
        return ROOT.resolve(service).resolve("src/main/resources/application.yml");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document pom(Path moduleDir) {
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(moduleDir.resolve("pom.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + moduleDir.resolve("pom.xml"), e);
        }
    }

    /** The plugin of that artifactId in {@code build/plugins}, or null. */
    static Element buildPlugin(Document pom, String artifactId) {
        return plugin(child(pom.getDocumentElement(), "build"), artifactId);
    }

    /** The plugin of that artifactId in {@code build/pluginManagement/plugins}, or null. */
    static Element managedPlugin(Document pom, String artifactId) {
        return plugin(child(pom.getDocumentElement(), "build", "pluginManagement"), artifactId);
    }

    private static Element plugin(Element parent, String artifactId) {
        for (Element plugin : children(parent, "plugins", "plugin")) {
            if (artifactId.equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        return null;
    }

    static String property(Document pom, String name) {
        return text(child(pom.getDocumentElement(), "properties"), name);
    }

    /** The element at a path of child names below {@code from}, or null. */
    static Element child(Element from, String... path) {
        Element current = from;
        for (String name : path) {
            if (current == null) {
                return null;
            }
            Element next = null;
            for (Node node = current.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals(name)) {
                    next = element;
                    break;
                }
            }
            current = next;
        }
        return current;
    }

    /** The trimmed text at a path below {@code from}, or null. */
    static String text(Element from, String... path) {
        Element element = child(from, path);
        return element == null ? null : element.getTextContent().trim();
    }

    /** The elements named {@code name} inside the child {@code list} of {@code from}. */
    static List<Element> children(Element from, String list, String name) {
        List<Element> elements = new ArrayList<>();
        Element parent = child(from, list);
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals(name)) {
                    elements.add(element);
                }
            }
        }
        return elements;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> flat) {
        map.forEach((key, value) -> {
            String dotted = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(dotted + ".", (Map<String, Object>) nested, flat);
            } else if (value != null) {
                flat.putIfAbsent(dotted, String.valueOf(value));
            }
        });
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
