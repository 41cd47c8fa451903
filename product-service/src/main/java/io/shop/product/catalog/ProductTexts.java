package io.shop.product.catalog;

record ProductTexts(String title, String subtitle, String description) {}
