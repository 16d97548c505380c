package com.toprise.schemas.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a category node's id follows from its names: the slugs of the path from the root, joined by '-'
 * ({@code Brakes / Brake Pads / Ceramic} → {@code brakes-brake-pads-ceramic}). product-service names new nodes so,
 * and whoever knows a product's category names (order intake, from PRODUCT_UPDATED of older products) finds the
 * same ids; a dealer's category assignment is a list of such ids.
 */
public final class CategoryIds {

    private CategoryIds() {
    }

    /** "Brake Pads & Shoes" → "brake-pads-shoes"; accents dropped so ids stay ASCII. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The id of a child node: its parent's id, then the child's slug. */
    public static String child(String parentId, String name) {
        return parentId == null ? slug(name) : parentId + "-" + slug(name);
    }

    /**
     * The ids of the nodes on a path given by names, root first, stopping at the first name that is blank:
     * {@code ("Brakes", "Brake Pads", null)} → {@code [brakes, brakes-brake-pads]}.
     */
    public static List<String> path(String... names) {
        List<String> ids = new ArrayList<>();
        String parent = null;
        for (String name : names) {
            if (name == null || slug(name).isEmpty()) {
                break;
            }
            parent = child(parent, name);
            ids.add(parent);
        }
        return List.copyOf(ids);
    }
}
