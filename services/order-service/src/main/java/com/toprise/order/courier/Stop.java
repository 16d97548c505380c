package com.toprise.order.courier;

/**
 * One end of a delivery as the courier needs it: where to go, and whom to call there. Coordinates are optional
 * (null when the address could not be geocoded): Borzo then places the point from the address text itself.
 *
 * @param note what the courier should know at this stop (gate, floor, "ask for the parts counter")
 */
public record Stop(String address, Double latitude, Double longitude, String contactName, String contactPhone,
                   String note) {
}
