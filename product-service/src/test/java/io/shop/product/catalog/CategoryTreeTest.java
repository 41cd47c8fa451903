package io.shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryTreeTest {

    private final CategoryTree tree = CategoryTree.of(List.of(
            new Category(1, null, "Kitchen"),
            new Category(2, 1L, "Cups"),
            new Category(3, 2L, "Tea Cups"),
            new Category(4, 1L, "Pans"),
            new Category(5, null, "Garden")));

    @Test
    void pathRunsFromTheRootDownToTheCategory() {
        assertThat(tree.path(3)).extracting(Category::name).containsExactly("Kitchen", "Cups", "Tea Cups");
        assertThat(tree.path(5)).extracting(Category::name).containsExactly("Garden");
    }

    @Test
    void subtreeHoldsTheCategoryAndEverythingBelowIt() {
        assertThat(tree.subtree(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(tree.subtree(3)).containsExactly(3L);
    }

    @Test
    void rootsNestTheirChildrenSortedByName() {
        assertThat(tree.roots()).extracting(CategoryTree.Node::name).containsExactly("Garden", "Kitchen");
        assertThat(tree.roots().get(1).children())
                .extracting(CategoryTree.Node::name)
                .containsExactly("Cups", "Pans");
    }
}
