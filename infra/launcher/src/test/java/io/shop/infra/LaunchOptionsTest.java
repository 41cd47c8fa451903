package io.shop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void withoutArgumentsStartsEverythingWithDataUnderTheWorkingFolder() {
        LaunchOptions options = LaunchOptions.parse();

        assertThat(options.only()).containsExactly("zookeeper", "rocketmq", "seata", "elasticsearch", "provider");
        assertThat(options.dataDir()).isEqualTo(Path.of(".shop/data").toAbsolutePath());
    }

    @Test
    void onlyKeepsTheCanonicalStartOrder() {
        LaunchOptions options = LaunchOptions.parse("--only", "elasticsearch,zookeeper", "--data", "/tmp/x");

        assertThat(options.only()).containsExactly("zookeeper", "elasticsearch");
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void unknownPartsAndOptionsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--only", "nacos"));
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--verbose"));
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse("--data"));
    }
}
