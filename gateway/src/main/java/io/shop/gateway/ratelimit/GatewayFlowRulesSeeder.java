package io.shop.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Writes the default gateway flow rules ({@value #DEFAULTS}) to the ZooKeeper node the rule data
 * source watches, once, when the node does not exist yet. A node that exists is never touched:
 * operators own the rules from then on. Failing to reach ZooKeeper is not fatal; the gateway then
 * runs without rules until the node appears.
 */
final class GatewayFlowRulesSeeder implements InitializingBean {

    static final String DEFAULTS = "sentinel/gateway-flow-rules.json";

    private static final Logger log = LoggerFactory.getLogger(GatewayFlowRulesSeeder.class);

    private final String zookeeper;
    private final String path;

    GatewayFlowRulesSeeder(String zookeeper, String path) {
        this.zookeeper = zookeeper;
        this.path = path;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        byte[] defaults;
        try (InputStream in = new ClassPathResource(DEFAULTS).getInputStream()) {
            defaults = in.readAllBytes();
        }
        try (CuratorFramework client =
                CuratorFrameworkFactory.newClient(zookeeper, 5_000, 3_000, new ExponentialBackoffRetry(200, 3))) {
            client.start();
            if (!client.blockUntilConnected(5, TimeUnit.SECONDS)) {
                log.warn("ZooKeeper {} not reachable: gateway flow rules not seeded at {}", zookeeper, path);
                return;
            }
            client.create().creatingParentsIfNeeded().forPath(path, defaults);
            log.info("Seeded default gateway flow rules at {}", path);
        } catch (KeeperException.NodeExistsException e) {
            log.debug("Gateway flow rules already at {}", path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Gateway flow rules not seeded at {}: {}", path, e.toString());
        }
    }
}
