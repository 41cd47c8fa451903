package io.shop.product.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every category at one moment, with the walks the catalog needs: up to the root, down a subtree. */
public record CategoryTree(Map<Long, Category> byId) {

    static CategoryTree of(Collection<Category> categories) {
        return new CategoryTree(categories.stream().collect(Collectors.toMap(Category::id, Function.identity())));
    }

    public Optional<Category> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** From the root down to the category itself. */
    public List<Category> path(long id) {
        List<Category> path = new ArrayList<>();
        for (Category at = byId.get(id); at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
            path.add(0, at);
        }
        return path;
    }

    /** The category and every category below it. */
    List<Long> subtree(long id) {
        List<Long> ids = new ArrayList<>(List.of(id));
        for (int i = 0; i < ids.size(); i++) {
            long parent = ids.get(i);
            byId.values().stream()
                    .filter(c -> c.parentId() != null && c.parentId() == parent)
                    .forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    /** The tree as nested nodes, for the storefront's menu. */
    List<Node> roots() {
        return children(null);
    }

    private List<Node> children(Long parentId) {
        return byId.values().stream()
                .filter(c -> java.util.Objects.equals(c.parentId(), parentId))
                .sorted(java.util.Comparator.comparing(Category::name))
                .map(c -> new Node(c.id(), c.name(), children(c.id())))
                .toList();
    }

    record Node(long id, String name, List<Node> children) {}
}
