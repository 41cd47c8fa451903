package io.shop.support.identity;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.lang.reflect.Field;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.apache.dubbo.remoting.http12.HttpChannel;
import org.apache.dubbo.rpc.Invocation;

/**
 * The verified client certificate behind a triple call on the serving side.
 *
 * <p>Dubbo 3.3 keeps the TLS session on the connection's Netty channel (attribute {@code
 * ssl-session}, and its {@link SslHandler}) but hands a provider no public way to that channel:
 * the invocation carries the HTTP request ({@code tri.http.request}), whose private {@code
 * HttpChannel} (a write queue, delegating to Dubbo's HTTP/2 stream channel) holds the Netty HTTP/2
 * stream channel in a private field, whose parent is the connection. This class walks that path by
 * field type; when a Dubbo upgrade changes it, no
 * certificate is found (fail closed: no service identity) and {@code MutualTlsTripleTest} says so.
 */
final class PeerCertificates {

    static final String HTTP_REQUEST = "tri.http.request";
    private static final int MAX_WRAPPERS = 4;
    private static final AttributeKey<SSLSession> SSL_SESSION = AttributeKey.valueOf("ssl-session");

    private PeerCertificates() {}

    /** The peer's verified leaf certificate, when the call came over TLS with a client certificate. */
    static Optional<X509Certificate> of(Invocation invocation) {
        Object request = invocation.get(HTTP_REQUEST);
        return fieldOfType(request, HttpChannel.class)
                .flatMap(http -> nettyChannel(http, 0))
                .flatMap(PeerCertificates::session)
                .flatMap(PeerCertificates::leaf);
    }

    /** The CN of a certificate's subject. */
    static Optional<String> commonName(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName())
                    .getRdns().stream()
                            .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                            .map(Rdn::getValue)
                            .map(Object::toString)
                            .findFirst();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    /** Dubbo wraps the stream's channel in delegates (a write queue around the Netty stream channel). */
    private static Optional<Channel> nettyChannel(Object http, int depth) {
        Optional<Channel> channel = fieldOfType(http, Channel.class);
        if (channel.isPresent() || depth == MAX_WRAPPERS) {
            return channel;
        }
        return fieldOfType(http, HttpChannel.class).flatMap(inner -> nettyChannel(inner, depth + 1));
    }

    /** The stream's channel, or the connection it belongs to (HTTP/2 streams are child channels). */
    private static Optional<SSLSession> session(Channel channel) {
        for (Channel c = channel; c != null; c = c.parent()) {
            SslHandler ssl = c.pipeline().get(SslHandler.class);
            if (ssl != null) {
                return Optional.of(ssl.engine().getSession());
            }
            SSLSession session = c.attr(SSL_SESSION).get();
            if (session != null) {
                return Optional.of(session);
            }
        }
        return Optional.empty();
    }

    private static Optional<X509Certificate> leaf(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Optional.of(leaf) : Optional.empty();
        } catch (SSLPeerUnverifiedException noClientCertificate) {
            return Optional.empty();
        }
    }

    private static <T> Optional<T> fieldOfType(Object owner, Class<T> type) {
        if (owner == null) {
            return Optional.empty();
        }
        for (Class<?> c = owner.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (type.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        return Optional.ofNullable(type.cast(field.get(owner)));
                    } catch (ReflectiveOperationException | RuntimeException inaccessible) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
