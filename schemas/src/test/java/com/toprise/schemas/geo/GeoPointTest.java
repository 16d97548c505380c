package com.toprise.schemas.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Great-circle distances the dealer ranking relies on, checked against figures worked out by hand. */
class GeoPointTest {

    private static final GeoPoint MG_ROAD_BENGALURU = new GeoPoint(12.9756, 77.6050);
    private static final GeoPoint MYSURU = new GeoPoint(12.2958, 76.6394);

    /** 129.19 km on the mean-radius sphere; the road is about 145 km, which the ranking does not need. */
    @Test
    void bengaluruToMysuruIsAbout129Km() {
        assertThat(MG_ROAD_BENGALURU.distanceKm(MYSURU)).isCloseTo(129.2, within(1.0));
        assertThat(MYSURU.distanceKm(MG_ROAD_BENGALURU)).isEqualTo(MG_ROAD_BENGALURU.distanceKm(MYSURU));
    }

    @Test
    void aPointIsNoDistanceFromItself() {
        assertThat(MG_ROAD_BENGALURU.distanceKm(new GeoPoint(12.9756, 77.6050))).isZero();
    }

    /** Half the circumference, π × 6371.0088 km: the largest distance there is, whatever the pair. */
    @Test
    void antipodesAreHalfTheEarthApart() {
        assertThat(new GeoPoint(0, 0).distanceKm(new GeoPoint(0, 180))).isCloseTo(20015.1, within(0.1));
        assertThat(MG_ROAD_BENGALURU.distanceKm(new GeoPoint(-12.9756, 77.6050 - 180)))
                .isCloseTo(20015.1, within(0.1));
    }

    /** Small distances (a dealer a kilometre away) and the antimeridian, where longitudes jump from 180 to -180. */
    @Test
    void shortHopsAndTheAntimeridianComeOutRight() {
        assertThat(MG_ROAD_BENGALURU.distanceKm(new GeoPoint(12.9667, 77.6010))).isCloseTo(1.08, within(0.01));
        assertThat(new GeoPoint(0, 0).distanceKm(new GeoPoint(1, 0))).isCloseTo(111.195, within(0.001));
        assertThat(new GeoPoint(0, 179.5).distanceKm(new GeoPoint(0, -179.5))).isCloseTo(111.195, within(0.001));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"90.0001, 0", "-90.5, 0", "0, 180.01", "0, -181", "NaN, 0", "0, NaN", "Infinity, 0"})
    void coordinatesOffTheEarthAreRefused(double latitude, double longitude) {
        assertThatThrownBy(() -> new GeoPoint(latitude, longitude)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a point on the earth");
        assertThat(GeoPoint.isValid(latitude, longitude)).isFalse();
    }

    @Test
    void thePolesAndTheAntimeridianAreOnTheEarth() {
        assertThat(new GeoPoint(90, 180).latitude()).isEqualTo(90);
        assertThat(new GeoPoint(-90, -180).longitude()).isEqualTo(-180);
        assertThat(GeoPoint.isValid(90.0, -180.0)).isTrue();
        assertThat(GeoPoint.isValid(null, 77.6)).isFalse();
        assertThat(GeoPoint.isValid(12.9, null)).isFalse();
    }

    @Test
    void aLocationSaysHowItWasFound() {
        assertThat(Location.geocoded(MYSURU)).isEqualTo(new Location(MYSURU, Location.Source.GEOCODED));
        assertThat(Location.pincodeCentroid(MYSURU).source()).isEqualTo(Location.Source.PINCODE_CENTROID);
    }
}
