package io.shop.k8s;

import static io.shop.k8s.Manifests.asMap;
import static io.shop.k8s.Manifests.container;
import static io.shop.k8s.Manifests.find;
import static io.shop.k8s.Manifests.list;
import static io.shop.k8s.Manifests.map;
import static io.shop.k8s.Manifests.ofKind;
import static io.shop.k8s.Manifests.podLabels;
import static io.shop.k8s.Manifests.podSpec;
import static io.shop.k8s.Manifests.selects;
import static org.assertj.core.api.Assertions.assertThat;

import io.shop.k8s.Manifests.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What every deployable's objects in base/ promise, read from the files as they are. */
class DeploymentManifestsTest {

    private static final List<Resource> BASE = Manifests.base();
    private static final List<Resource> DEPLOYMENTS = ofKind(BASE, "Deployment");

    @Test
    void everyDeployableHasADeploymentOfItsName() {
        assertThat(DEPLOYMENTS).extracting(Resource::name).containsExactlyInAnyOrderElementsOf(Repo.deployables());
    }

    @Test
    void everyDeploymentHasAllThreeProbesOnTheHealthGroups() {
        for (Resource deployment : DEPLOYMENTS) {
            Map<String, Object> container = container(deployment);
            assertProbe(deployment, container, "readinessProbe", "/actuator/health/readiness");
            assertProbe(deployment, container, "livenessProbe", "/actuator/health/liveness");
            assertProbe(deployment, container, "startupProbe", "/actuator/health/liveness");
        }
    }

    @Test
    void everyContainerHasResourceRequestsAndLimitsWithItsMemoryReserved() {
        for (Resource deployment : DEPLOYMENTS) {
            Map<String, Object> resources = map(container(deployment), "resources");
            for (String bound : List.of("requests", "limits")) {
                assertThat(map(resources, bound)).as(deployment + " " + bound).containsKeys("cpu", "memory");
            }
            // the heap is a share of the limit: memory the node may not have would be an OOM kill
            assertThat(map(resources, "requests").get("memory"))
                    .as(deployment + ": memory request = limit")
                    .isEqualTo(map(resources, "limits").get("memory"));
        }
    }

    @Test
    void everyPodRunsAsTheImagesNonRootUserWithAReadOnlyRootFileSystem() {
        int imageUid = Integer.parseInt(JibConfigurationTest.containerUser().split(":")[0]);
        for (Resource deployment : DEPLOYMENTS) {
            Map<String, Object> pod = map(podSpec(deployment), "securityContext");
            assertThat(pod)
                    .as(deployment + " pod securityContext")
                    .containsEntry("runAsNonRoot", true)
                    .containsEntry("runAsUser", imageUid);
            assertThat(map(pod, "seccompProfile")).as(deployment.toString()).containsEntry("type", "RuntimeDefault");

            Map<String, Object> container = map(container(deployment), "securityContext");
            assertThat(container)
                    .as(deployment + " container securityContext")
                    .containsEntry("allowPrivilegeEscalation", false)
                    .containsEntry("readOnlyRootFilesystem", true);
            assertThat(list(container, "capabilities", "drop"))
                    .as(deployment.toString())
                    .containsExactly("ALL");

            assertThat(volumeAt(deployment, "/tmp"))
                    .as(deployment + ": a writable /tmp (java.io.tmpdir, user.home)")
                    .containsKey("emptyDir");
        }
    }

    @Test
    void everyDeploymentRunsTheImageJibBuildsForItWithAPinnedTag() {
        for (Resource deployment : DEPLOYMENTS) {
            String image = (String) container(deployment).get("image");
            assertThat(image)
                    .as(deployment.toString())
                    .isEqualTo("shop/" + deployment.name() + ":" + Repo.projectVersion())
                    .doesNotEndWith(":latest");
        }
    }

    @Test
    void everyContainerPortIsThePortOfItsServicesApplicationYml() {
        for (Resource deployment : DEPLOYMENTS) {
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("http", Repo.httpPort(deployment.name()));
            Integer dubbo = Repo.dubboPort(deployment.name());
            if (dubbo != null) {
                expected.put("dubbo", dubbo);
            }
            assertThat(containerPorts(deployment)).as(deployment.toString()).isEqualTo(expected);
        }
    }

    @Test
    void everyDeploymentSelectsItsOwnPodsAndAServiceOfItsNameSelectsThemToo() {
        for (Resource deployment : DEPLOYMENTS) {
            Map<String, Object> labels = podLabels(deployment);
            assertThat(labels)
                    .as(deployment + " pod labels")
                    .containsEntry("app.kubernetes.io/name", deployment.name())
                    .containsEntry("app.kubernetes.io/part-of", "shop");
            assertThat(map(deployment.body(), "spec", "selector", "matchLabels"))
                    .as(deployment + " selector")
                    .isEqualTo(labels);

            Resource service = find(BASE, "Service", deployment.name())
                    .orElseThrow(() -> new AssertionError("no Service for " + deployment));
            assertThat(selects(map(service.body(), "spec", "selector"), labels))
                    .as(service + " selects the pods of " + deployment)
                    .isTrue();
            assertThat(DEPLOYMENTS.stream().filter(d -> selects(map(service.body(), "spec", "selector"), podLabels(d))))
                    .as(service + " selects no other Deployment's pods")
                    .containsExactly(deployment);
            for (Object port : list(service.body(), "spec", "ports")) {
                assertThat(containerPorts(deployment))
                        .as(service + " targets a port of the container")
                        .containsKey(String.valueOf(asMap(port).get("targetPort")));
            }
        }
    }

    @Test
    void everyHpaAndPdbTargetsAnExistingDeployment() {
        Set<String> autoscaled = new HashSet<>();
        for (Resource hpa : ofKind(BASE, "HorizontalPodAutoscaler")) {
            Map<String, Object> target = map(hpa.body(), "spec", "scaleTargetRef");
            assertThat(target).as(hpa.toString()).containsEntry("kind", "Deployment");
            assertThat(find(DEPLOYMENTS, "Deployment", (String) target.get("name")))
                    .as(hpa + " scales an existing Deployment")
                    .isPresent();
            assertThat(list(hpa.body(), "spec", "metrics"))
                    .as(hpa + " scales on CPU")
                    .anySatisfy(
                            metric -> assertThat(map(asMap(metric), "resource")).containsEntry("name", "cpu"));
            autoscaled.add((String) target.get("name"));
        }
        Set<String> budgeted = new HashSet<>();
        for (Resource pdb : ofKind(BASE, "PodDisruptionBudget")) {
            assertThat(map(pdb.body(), "spec")).as(pdb.toString()).containsEntry("minAvailable", 1);
            Map<String, Object> selector = map(pdb.body(), "spec", "selector", "matchLabels");
            List<String> protectedDeployments = DEPLOYMENTS.stream()
                    .filter(d -> selects(selector, podLabels(d)))
                    .map(Resource::name)
                    .toList();
            assertThat(protectedDeployments)
                    .as(pdb + " selects one Deployment's pods")
                    .hasSize(1);
            budgeted.addAll(protectedDeployments);
        }
        assertThat(autoscaled).as("Deployments with an HPA").containsExactlyInAnyOrderElementsOf(Repo.deployables());
        assertThat(budgeted).as("Deployments with a PDB").containsExactlyInAnyOrderElementsOf(Repo.deployables());
    }

    @Test
    void podsRegisterTheirOwnAddressAndLeaveTheEndpointsBeforeTheyStop() {
        for (Resource deployment : DEPLOYMENTS) {
            Map<String, Object> shopHost = env(deployment).get("SHOP_HOST");
            assertThat(map(shopHost, "valueFrom", "fieldRef"))
                    .as(deployment + ": SHOP_HOST, the address it binds and registers, is the pod's")
                    .containsEntry("fieldPath", "status.podIP");

            List<Object> command = list(container(deployment), "lifecycle", "preStop", "exec", "command");
            assertThat(command).as(deployment + " preStop").hasSize(2).first().isEqualTo("sleep");
            int sleep = Integer.parseInt(String.valueOf(command.get(1)));
            assertThat(sleep).as(deployment + " preStop sleep").isPositive();
            // then SIGTERM, and Spring's graceful shutdown takes up to 30 s
            assertThat((Integer) podSpec(deployment).get("terminationGracePeriodSeconds"))
                    .as(deployment + " terminationGracePeriodSeconds")
                    .isGreaterThanOrEqualTo(sleep + 30);
        }
    }

    @Test
    void everyVariableAPodIsGivenIsOneItsServiceReads() {
        Set<String> readByAny = new TreeSet<>();
        for (Resource deployment : DEPLOYMENTS) {
            Set<String> read = Repo.variablesReadBy(deployment.name());
            readByAny.addAll(read);
            assertThat(read).as(deployment + " env").containsAll(env(deployment).keySet());
            for (Object source : list(container(deployment), "envFrom")) {
                assertThat(asMap(source)).as(deployment + " envFrom").containsOnlyKeys("configMapRef");
                assertThat(map(asMap(source), "configMapRef")).containsEntry("name", "shop-config");
            }
        }
        Resource config = find(BASE, "ConfigMap", "shop-config").orElseThrow();
        assertThat(readByAny)
                .as("shop-config's keys")
                .containsAll(map(config.body(), "data").keySet());
        assertThat(map(config.body(), "data")).containsEntry("SPRING_PROFILES_ACTIVE", "nacos");
    }

    @Test
    void everySecretTheManifestsNameIsMadeByTheDocumentedCommands() {
        Map<String, Set<String>> documented = documentedSecrets();
        Map<String, Set<String>> used = new HashMap<>();
        for (Resource deployment : DEPLOYMENTS) {
            for (Map<String, Object> variable : env(deployment).values()) {
                Map<String, Object> ref = map(variable, "valueFrom", "secretKeyRef");
                if (!ref.isEmpty()) {
                    used.computeIfAbsent((String) ref.get("name"), k -> new TreeSet<>())
                            .add((String) ref.get("key"));
                }
            }
            for (Object volume : list(podSpec(deployment), "volumes")) {
                Map<String, Object> secret = map(asMap(volume), "secret");
                if (!secret.isEmpty()) {
                    String name = deployment.name();
                    used.computeIfAbsent((String) secret.get("secretName"), k -> new TreeSet<>())
                            .addAll(List.of("ca.crt", name + ".crt", name + ".key"));
                }
            }
        }
        for (Resource ingress : ofKind(Manifests.resources(Repo.K8S.resolve("overlays/prod")), "Ingress")) {
            for (Object tls : list(ingress.body(), "spec", "tls")) {
                used.computeIfAbsent((String) asMap(tls).get("secretName"), k -> new TreeSet<>())
                        .addAll(List.of("tls.crt", "tls.key"));
            }
        }
        assertThat(used).isNotEmpty();
        used.forEach((secret, keys) -> assertThat(documented.get(secret))
                .as("docs/deployment.md makes the Secret " + secret + " with the keys")
                .isNotNull()
                .containsAll(keys));
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() {
        for (Resource service : ofKind(BASE, "Service")) {
            assertThat(map(service.body(), "spec").getOrDefault("type", "ClusterIP"))
                    .as(service.toString())
                    .isEqualTo("ClusterIP");
        }
        List<Resource> ingresses = ofKind(BASE, "Ingress");
        assertThat(ingresses).hasSize(1);
        Resource gatewayService = find(BASE, "Service", "gateway").orElseThrow();
        Set<Object> gatewayPorts = new HashSet<>();
        list(gatewayService.body(), "spec", "ports").forEach(p -> gatewayPorts.add(asMap(p).get("name")));
        for (Object rule : list(ingresses.get(0).body(), "spec", "rules")) {
            for (Object path : list(asMap(rule), "http", "paths")) {
                Map<String, Object> backend = map(asMap(path), "backend", "service");
                assertThat(backend).as("an Ingress backend").containsEntry("name", "gateway");
                assertThat(gatewayPorts).contains(map(backend, "port").get("name"));
            }
        }
    }

    private static void assertProbe(Resource deployment, Map<String, Object> container, String probe, String path) {
        Map<String, Object> get = map(container, probe, "httpGet");
        assertThat(get).as(deployment + " " + probe).containsEntry("path", path);
        assertThat(containerPorts(deployment))
                .as(deployment + " " + probe + " asks the HTTP port")
                .containsEntry(String.valueOf(get.get("port")), Repo.httpPort(deployment.name()));
    }

    /** The container's ports, name to number. */
    private static Map<String, Integer> containerPorts(Resource deployment) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object port : list(container(deployment), "ports")) {
            Map<String, Object> entry = asMap(port);
            ports.put((String) entry.get("name"), (Integer) entry.get("containerPort"));
        }
        return ports;
    }

    private static Map<String, Map<String, Object>> env(Resource deployment) {
        Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
        for (Object variable : list(container(deployment), "env")) {
            variables.put((String) asMap(variable).get("name"), asMap(variable));
        }
        return variables;
    }

    private static Map<String, Object> volumeAt(Resource deployment, String mountPath) {
        for (Object mount : list(container(deployment), "volumeMounts")) {
            if (mountPath.equals(asMap(mount).get("mountPath"))) {
                for (Object volume : list(podSpec(deployment), "volumes")) {
                    if (asMap(volume).get("name").equals(asMap(mount).get("name"))) {
                        return asMap(volume);
                    }
                }
            }
        }
        return Map.of();
    }

    /**
     * The Secrets docs/deployment.md makes with {@code kubectl create secret}, and their keys. A
     * name or key with {@code $s} stands for each deployable (the loop over the certificates).
     */
    static Map<String, Set<String>> documentedSecrets() {
        String doc = Repo.read(Repo.DEPLOYMENT_DOC).replace("\\\n", " ").replace("\"", "");
        Pattern command = Pattern.compile("create secret (generic|tls) (\\S+)([^\\n]*)");
        Pattern key = Pattern.compile("--from-(?:literal|file)=([^=\\s]+)=");
        Map<String, Set<String>> secrets = new HashMap<>();
        Matcher matcher = command.matcher(doc);
        while (matcher.find()) {
            List<String> keys = new ArrayList<>();
            if (matcher.group(1).equals("tls")) {
                keys.addAll(List.of("tls.crt", "tls.key"));
            }
            Matcher keyMatcher = key.matcher(matcher.group(3));
            while (keyMatcher.find()) {
                keys.add(keyMatcher.group(1));
            }
            List<String> each = matcher.group(2).contains("$s") ? Repo.deployables() : List.of("");
            for (String deployable : each) {
                secrets.computeIfAbsent(matcher.group(2).replace("$s", deployable), k -> new TreeSet<>())
                        .addAll(keys.stream()
                                .map(k -> k.replace("$s", deployable))
                                .toList());
            }
        }
        return secrets;
    }
}
