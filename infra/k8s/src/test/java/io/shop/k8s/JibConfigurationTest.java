package io.shop.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The images' Jib configuration, read from the root pom.xml and each deployable's pom.xml. */
class JibConfigurationTest {

    private static final String JIB = "jib-maven-plugin";

    @Test
    void theSharedConfigurationBuildsOnAPinnedJava17BaseAsANonRootUser() {
        Element configuration = sharedConfiguration();

        String base = Repo.text(configuration, "from", "image");
        assertThat(base).startsWith("eclipse-temurin:17");
        assertThat(base.substring(base.indexOf(':') + 1))
                .as("the base image's tag")
                .isNotBlank()
                .isNotEqualTo("latest");

        assertThat(containerUser()).as("a numeric uid:gid").matches("\\d+:\\d+");
        assertThat(Integer.parseInt(containerUser().split(":")[0])).as("uid").isPositive();
        assertThat(Repo.text(configuration, "container", "format")).isEqualTo("OCI");
    }

    @Test
    void theSharedConfigurationNamesEachImageAfterItsModuleAndVersion() {
        assertThat(Repo.text(sharedConfiguration(), "to", "image"))
                .isEqualTo("${image.registry}/${project.artifactId}:${project.version}");
        assertThat(Repo.property(Repo.pom(Repo.ROOT), "image.registry")).isEqualTo("shop");
    }

    @Test
    void theJvmTakesItsHeapFromTheContainersMemoryLimit() {
        List<String> flags = new ArrayList<>();
        Repo.children(Repo.child(sharedConfiguration(), "container"), "jvmFlags", "jvmFlag")
                .forEach(flag -> flags.add(flag.getTextContent().trim()));

        assertThat(flags).anySatisfy(flag -> assertThat(flag).matches("-XX:MaxRAMPercentage=\\d+(\\.\\d+)?"));
        assertThat(flags).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(flags).noneSatisfy(flag -> assertThat(flag).startsWith("-Xmx"));
        assertThat(flags).noneSatisfy(flag -> assertThat(flag).startsWith("-Xms"));
    }

    @Test
    void jibRunsOnlyWhenAskedForNeverInTheBuild() {
        assertThat(Repo.child(Repo.managedPlugin(Repo.pom(Repo.ROOT), JIB), "executions"))
                .as("executions in pluginManagement")
                .isNull();
        for (String deployable : Repo.deployables()) {
            Element plugin = Repo.buildPlugin(Repo.pom(Repo.ROOT.resolve(deployable)), JIB);
            assertThat(plugin).as(deployable + " declares " + JIB).isNotNull();
            assertThat(Repo.child(plugin, "executions"))
                    .as(deployable + " executions")
                    .isNull();
            assertThat(Repo.child(plugin, "version"))
                    .as(deployable + ": the version is managed")
                    .isNull();
        }
    }

    @Test
    void everyImageExposesThePortsOfItsServicesApplicationYml() {
        for (String deployable : Repo.deployables()) {
            Document pom = Repo.pom(Repo.ROOT.resolve(deployable));
            String ports = Repo.property(pom, "jib.container.ports");
            assertThat(ports).as(deployable + " jib.container.ports").isNotNull();

            List<String> expected = new ArrayList<>(List.of(String.valueOf(Repo.httpPort(deployable))));
            Integer dubbo = Repo.dubboPort(deployable);
            if (dubbo != null) {
                expected.add(String.valueOf(dubbo));
            }
            assertThat(Arrays.stream(ports.split(",")).map(String::trim).toList())
                    .as(deployable + ": server.port and dubbo.protocol.port of application.yml")
                    .isEqualTo(expected);
        }
    }

    /** The image's user, uid:gid. */
    static String containerUser() {
        return Repo.text(sharedConfiguration(), "container", "user");
    }

    private static Element sharedConfiguration() {
        Element plugin = Repo.managedPlugin(Repo.pom(Repo.ROOT), JIB);
        assertThat(plugin).as("the root pom manages " + JIB).isNotNull();
        assertThat(Repo.text(plugin, "version")).isEqualTo("${jib.version}");
        return Repo.child(plugin, "configuration");
    }
}
