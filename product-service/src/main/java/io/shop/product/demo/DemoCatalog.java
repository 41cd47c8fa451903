package io.shop.product.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A generated catalog: plausible names that full-text search can find, prices in cents. */
record DemoCatalog(List<Category> categories, List<Brand> brands, List<Product> products) {

    private static final Map<String, List<String>> ROOTS = new LinkedHashMap<>();

    static {
        ROOTS.put("Kitchen", List.of("Tea Cup", "Kettle", "Knife", "Frying Pan", "Bowl"));
        ROOTS.put("Home", List.of("Desk Lamp", "Cushion", "Blanket", "Vase", "Clock"));
        ROOTS.put("Outdoor", List.of("Tent", "Backpack", "Sleeping Bag", "Lantern", "Hammock"));
        ROOTS.put("Sports", List.of("Running Shoe", "Yoga Mat", "Football", "Dumbbell", "Racket"));
        ROOTS.put("Electronics", List.of("Headphones", "Speaker", "Charger", "Keyboard", "Mouse"));
        ROOTS.put("Office", List.of("Notebook", "Pen", "Stapler", "Desk Organizer", "Chair"));
        ROOTS.put("Fashion", List.of("T-Shirt", "Jacket", "Scarf", "Sneaker", "Hat"));
        ROOTS.put("Beauty", List.of("Face Cream", "Shampoo", "Perfume", "Lip Balm", "Brush"));
        ROOTS.put("Toys", List.of("Puzzle", "Building Blocks", "Teddy Bear", "Kite", "Board Game"));
        ROOTS.put("Garden", List.of("Watering Can", "Plant Pot", "Shovel", "Hose", "Seed Kit"));
        ROOTS.put("Books", List.of("Cookbook", "Novel", "Travel Guide", "Comic", "Atlas"));
        ROOTS.put("Pets", List.of("Dog Bed", "Cat Toy", "Leash", "Feeder", "Aquarium"));
    }

    private static final List<String> STYLES = List.of("Classic", "Travel", "Kids", "Premium", "Eco");
    private static final List<String> ADJECTIVES =
            List.of("Light", "Compact", "Deluxe", "Organic", "Smart", "Vintage", "Sturdy", "Soft");
    private static final List<String> BRAND_STARTS =
            List.of("Nor", "Vel", "Ara", "Zen", "Kai", "Lum", "Sol", "Tor", "Mira", "Oak");
    private static final List<String> BRAND_ENDS = List.of(
            "ix", "ora", "en", "wave", "line", "craft", "field", "works", "labs", "mark", "ton", "ware", "co", "io",
            "ly", "a", "um", "ex", "is", "os");
    private static final List<String> COLOURS = List.of("Black", "White", "Red", "Blue", "Green");
    private static final List<String> SIZES = List.of("S", "M", "L", "XL");

    static DemoCatalog generate(Random random, int size) {
        List<Category> categories = new ArrayList<>();
        List<Category> leaves = new ArrayList<>();
        List<String> leafThings = new ArrayList<>();
        ROOTS.forEach((root, things) -> {
            Category parent = new Category(categories.size() + 1L, null, root);
            categories.add(parent);
            for (String thing : things) {
                for (String style : STYLES) {
                    Category leaf = new Category(categories.size() + 1L, parent.id(), style + " " + thing);
                    categories.add(leaf);
                    leaves.add(leaf);
                    leafThings.add(thing);
                }
            }
        });
        List<Brand> brands = new ArrayList<>();
        for (String start : BRAND_STARTS) {
            for (String end : BRAND_ENDS) {
                brands.add(new Brand(brands.size() + 1L, start + end));
            }
        }
        List<Product> products = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            int leafIndex = random.nextInt(leaves.size());
            Category leaf = leaves.get(leafIndex);
            Brand brand = brands.get(random.nextInt(brands.size()));
            String adjective = ADJECTIVES.get(random.nextInt(ADJECTIVES.size()));
            String title = brand.name() + " " + adjective + " " + leaf.name() + " " + (100 + random.nextInt(900));
            long basePrice = 199 + random.nextInt(60_000);
            products.add(new Product(
                    i,
                    leaf,
                    brand,
                    title,
                    adjective + " " + leafThings.get(leafIndex).toLowerCase() + " by " + brand.name(),
                    "A " + adjective.toLowerCase() + " " + leaf.name().toLowerCase() + ", generated demo product " + i,
                    skus(random, basePrice)));
        }
        return new DemoCatalog(categories, brands, products);
    }

    private static List<Sku> skus(Random random, long basePrice) {
        int count = 1 + random.nextInt(3);
        List<Sku> skus = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> specs = new LinkedHashMap<>();
            specs.put("colour", COLOURS.get((i + random.nextInt(COLOURS.size())) % COLOURS.size()));
            specs.put("size", SIZES.get(i % SIZES.size()));
            skus.add(new Sku(specs, basePrice + i * 500L, 20 + random.nextInt(480)));
        }
        return skus;
    }

    record Category(long id, Long parentId, String name) {}

    record Brand(long id, String name) {}

    record Product(
            long id,
            Category category,
            Brand brand,
            String title,
            String subtitle,
            String description,
            List<Sku> skus) {

        long minPrice() {
            return skus.stream().mapToLong(Sku::priceCents).min().orElseThrow();
        }

        long maxPrice() {
            return skus.stream().mapToLong(Sku::priceCents).max().orElseThrow();
        }
    }

    record Sku(Map<String, String> specs, long priceCents, int stock) {}
}
