package com.toprise.order.fulfilment;

/**
 * Where one line of a fulfilment is on the goods' way, as the customer's timeline shows it: ASSIGNED once its
 * dealer accepted it, then PICKED from the shelf, PACKED, SHIPPED, DELIVERED; or CANCELLED with the order. A line
 * of a fulfilment not yet accepted has no status: it is nobody's yet.
 */
public enum LineStatus { ASSIGNED, PICKED, PACKED, SHIPPED, DELIVERED, CANCELLED }
