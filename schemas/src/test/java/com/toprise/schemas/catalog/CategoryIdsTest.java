package com.toprise.schemas.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids product-service gives category nodes and order intake derives from names must be the same strings. */
class CategoryIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Brakes|brakes",
            "Brake Pads & Shoes|brake-pads-shoes",
            "'  Oil Filters  '|oil-filters",
            "Clutch (Heavy-Duty)|clutch-heavy-duty",
            "Crème Polish|creme-polish",
            "A/C Compressors|a-c-compressors",
            "Spark Plugs 4-Stroke|spark-plugs-4-stroke"})
    void aSlugIsLowerCaseAsciiWordsJoinedByHyphens(String name, String slug) {
        assertThat(CategoryIds.slug(name)).isEqualTo(slug);
    }

    @Test
    void aChildIdIsItsParentsIdThenItsSlug() {
        assertThat(CategoryIds.child(null, "Brakes")).isEqualTo("brakes");
        assertThat(CategoryIds.child("brakes", "Brake Pads")).isEqualTo("brakes-brake-pads");
    }

    @Test
    void aPathNamesEveryNodeFromTheRoot() {
        assertThat(CategoryIds.path("Brakes", "Brake Pads", "Ceramic"))
                .containsExactly("brakes", "brakes-brake-pads", "brakes-brake-pads-ceramic");
        assertThat(CategoryIds.path("Brakes", "Brake Pads", "Ceramic").get(2))
                .isEqualTo(CategoryIds.child(CategoryIds.child(CategoryIds.child(null, "Brakes"), "Brake Pads"),
                        "Ceramic"));
    }

    /** A product with only a category (no subcategory or type) has a one-node path; nothing after a gap counts. */
    @Test
    void aPathStopsAtTheFirstMissingName() {
        assertThat(CategoryIds.path("Brakes", null, "Ceramic")).containsExactly("brakes");
        assertThat(CategoryIds.path("Brakes", " ", "Ceramic")).containsExactly("brakes");
        assertThat(CategoryIds.path("Brakes", "&", "Ceramic")).as("a name with no letters or digits")
                .containsExactly("brakes");
        assertThat(CategoryIds.path((String) null)).isEmpty();
        assertThat(CategoryIds.path()).isEmpty();
    }
}
