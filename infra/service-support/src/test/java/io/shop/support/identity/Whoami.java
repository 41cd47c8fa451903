package io.shop.support.identity;

/** The service the mutual TLS tests export: it answers with the calling service it was served for. */
public interface Whoami {

    String callingService();
}
