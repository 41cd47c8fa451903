package io.shop.search.product;

import io.shop.support.identity.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReindexController {

    private final Reindexer reindexer;

    ReindexController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    /**
     * Rebuilds the index from the catalog and answers when the new index is live (200). The gateway
     * lets only admins through; checked again here, as anything that reaches this port directly
     * could call it.
     */
    @PostMapping("/api/admin/search/reindex")
    Reindexer.Reindexed reindex() {
        Caller.requireAdmin();
        return reindexer.reindex();
    }
}
