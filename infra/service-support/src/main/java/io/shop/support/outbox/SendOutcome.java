package io.shop.support.outbox;

import java.util.Set;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * What became of one send. A refusal is about the message itself (too large, illegal, not
 * permitted: it would fail every time); anything else means the broker could not take messages
 * now, which says nothing about this one.
 */
enum SendOutcome {
    SENT,
    REFUSED,
    BROKER_AWAY;

    private static final Set<Integer> ABOUT_THE_MESSAGE =
            Set.of(ResponseCode.MESSAGE_ILLEGAL, ResponseCode.NO_PERMISSION, ResponseCode.TOPIC_NOT_EXIST);

    /** Looks through the causes: the client wraps connection failures in other exceptions. */
    static SendOutcome of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RemotingException) {
                return BROKER_AWAY;
            }
            if (cause instanceof MQBrokerException broker) {
                return ABOUT_THE_MESSAGE.contains(broker.getResponseCode()) ? REFUSED : BROKER_AWAY;
            }
            if (cause instanceof MQClientException client) {
                return ABOUT_THE_MESSAGE.contains(client.getResponseCode()) ? REFUSED : BROKER_AWAY;
            }
        }
        return REFUSED;
    }
}
