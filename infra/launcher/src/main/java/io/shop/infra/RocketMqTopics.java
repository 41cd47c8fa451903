package io.shop.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * The shop's topics, listed in the class-path resource {@code rocketmq-topics.txt}. They are
 * created up front because a push consumer needs about 20 s to notice a topic auto-created by the
 * first send.
 */
final class RocketMqTopics {

    private static final String RESOURCE = "/rocketmq-topics.txt";
    private static final int QUEUES = 4;

    private RocketMqTopics() {}

    static List<String> listed() {
        try (InputStream in = RocketMqTopics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates every listed topic on the broker until the NameServer routes each of them: the client
     * round trip that proves both servers work together. Creating a topic again is harmless.
     */
    static int createAndAwaitRoutes(String namesrv, String broker, Duration timeout) throws Exception {
        List<String> topics = listed();
        DefaultMQAdminExt admin = new DefaultMQAdminExt("shop-launcher");
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("shop-launcher-" + ProcessHandle.current().pid());
        admin.start();
        try {
            return Polling.until(timeout, () -> {
                List<String> unrouted = new ArrayList<>();
                for (String topic : topics) {
                    if (!routed(admin, topic)) {
                        admin.createAndUpdateTopicConfig(
                                broker,
                                new TopicConfig(topic, QUEUES, QUEUES, PermName.PERM_READ | PermName.PERM_WRITE));
                        unrouted.add(topic);
                    }
                }
                if (!unrouted.isEmpty()) {
                    throw new IOException("no route yet for " + unrouted);
                }
                return topics.size();
            });
        } finally {
            admin.shutdown();
        }
    }

    private static boolean routed(DefaultMQAdminExt admin, String topic)
            throws RemotingException, InterruptedException {
        try {
            return !admin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty();
        } catch (MQClientException noRouteYet) {
            return false;
        }
    }
}
