package io.shop.infra;

import org.apache.rocketmq.store.ha.DefaultHAService;

/**
 * The broker's replication service for a master that never has a slave: everything of {@link
 * DefaultHAService} except the replication listener, which RocketMQ 5.3 always binds on every
 * interface ({@code new InetSocketAddress(haListenPort)}, no address setting). The broker picks
 * this class up through RocketMQ's own service loader, {@code
 * META-INF/service/org.apache.rocketmq.store.ha.HAService}.
 */
public class MasterOnlyHaService extends DefaultHAService {

    @Override
    public void start() throws Exception {
        groupTransferService.start();
        haConnectionStateNotificationService.start();
        if (haClient != null) {
            haClient.start();
        }
    }
}
