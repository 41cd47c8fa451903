package io.shop.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * A RocketMQ 5.3 NameServer (127.0.0.1:9876) and one master broker (127.0.0.1:10911, its fast
 * port 10909 too) in this JVM, with the store, timer wheel and logs under the data folder. Delayed
 * and timer messages ({@code setDelayTimeMs}) work; auto-created topics are allowed, and the shop's
 * topics are created up front ({@link RocketMqTopics}).
 */
final class RocketMqNodes implements Middleware {

    static final String HOST = "127.0.0.1";
    static final String NAMESRV = HOST + ":9876";
    static final String BROKER = HOST + ":10911";

    private final Path home;
    private NamesrvController namesrv;
    private BrokerController broker;

    RocketMqNodes(Path dataDir) {
        this.home = dataDir.resolve("rocketmq");
    }

    /**
     * JVM-wide settings that must be in place before any RocketMQ class runs. Without the remoting
     * version property, servers and clients in one JVM disagree on the protocol version and routes
     * vanish ("No route info of this topic"). Log files and the defaults that RocketMQ derives
     * from {@code user.home} (kv config, client offsets) go under the data folder. TLS is off: its
     * default "permissive" mode builds a self-signed OpenSSL context, which costs up to 20 s of CPU
     * at start and unpacks a native library into the system temp folder, for loopback traffic.
     */
    static void configureJvm(Path dataDir) {
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        System.setProperty(TlsSystemConfig.TLS_SERVER_MODE, "disabled");
        System.setProperty(
                "shop.rocketmq.log.dir",
                dataDir.resolve("logs").resolve("rocketmq").toString());
        System.setProperty("user.home", dataDir.resolve("rocketmq").toString());
    }

    @Override
    public String name() {
        return "rocketmq";
    }

    @Override
    public boolean separateJvm() {
        return false;
    }

    @Override
    public void start() throws Exception {
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setRocketmqHome(home.toString());
        namesrvConfig.setKvConfigPath(
                home.resolve("namesrv").resolve("kvConfig.json").toString());
        namesrvConfig.setConfigStorePath(
                home.resolve("namesrv").resolve("namesrv.properties").toString());
        // The NameServer points a client of its own at "<first non-loopback address>:9876" and, by
        // default, probes that address every few seconds. No probing, and the list set to loopback.
        NettyClientConfig namesrvClient = new NettyClientConfig();
        namesrvClient.setScanAvailableNameSrv(false);
        namesrv = new NamesrvController(namesrvConfig, loopback(9876), namesrvClient);
        if (!namesrv.initialize()) {
            throw new IllegalStateException("NameServer did not initialize");
        }
        namesrv.start();
        namesrv.getRemotingClient().updateNameServerAddressList(List.of(NAMESRV));

        broker = new BrokerController(brokerConfig(), loopback(10911), new NettyClientConfig(), storeConfig());
        if (!broker.initialize()) {
            throw new IllegalStateException("broker did not initialize");
        }
        broker.start();
    }

    private BrokerConfig brokerConfig() {
        BrokerConfig config = new BrokerConfig();
        config.setRocketmqHome(home.toString());
        config.setBrokerConfigPath(
                home.resolve("broker").resolve("broker.properties").toString());
        config.setBrokerName("shop-broker");
        // the address the NameServer hands to clients; the machine's other addresses are off limits
        config.setBrokerIP1(HOST);
        config.setBrokerIP2(HOST);
        config.setNamesrvAddr(NAMESRV);
        config.setAutoCreateTopicEnable(true);
        // a transactional half message left open (its producer died before ending it) is checked
        // back after 3 s, every 5 s: a production broker waits longer, tests should not
        config.setTransactionTimeOut(3_000);
        config.setTransactionCheckInterval(5_000);
        return config;
    }

    private MessageStoreConfig storeConfig() {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(home.resolve("store").toString());
        config.setStorePathCommitLog(home.resolve("store").resolve("commitlog").toString());
        config.setMappedFileSizeCommitLog(256 * 1024 * 1024);
        config.setTimerWheelEnable(true);
        // developer disks are often fuller than the 90 % at which the broker stops accepting messages
        config.setDiskSpaceWarningLevelRatio(98);
        config.setDiskSpaceCleanForciblyRatio(95);
        return config;
    }

    private static NettyServerConfig loopback(int port) {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress(HOST);
        config.setListenPort(port);
        return config;
    }

    @Override
    public String awaitReady(Duration timeout) throws Exception {
        int topics = RocketMqTopics.createAndAwaitRoutes(NAMESRV, BROKER, timeout);
        return "namesrv=" + NAMESRV + " broker=" + BROKER + " topics=" + topics;
    }

    @Override
    public String logHint() {
        return System.getProperty("shop.rocketmq.log.dir");
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.shutdown();
        }
        if (namesrv != null) {
            namesrv.shutdown();
        }
    }
}
